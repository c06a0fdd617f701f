// Format detection, input parsing and the errors for inputs no importer knows.
import { describe, expect, it } from 'vitest';
import { detectFormat, ImportError, importInput, parseImportText } from '../../lib/claims/importers';
import { DETECT_RECORDS } from '../../lib/claims/importers/detect';
import { json } from './import-helpers';

describe('parseImportText', () => {
  it('reads one JSON document, or JSONL when the whole is not JSON but its first line is', () => {
    expect(parseImportText('\ufeff{"a": 1}')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(parseImportText('{"a": 1}\n{"a": 2}\n')).toEqual({ kind: 'jsonl', lines: ['{"a": 1}', '{"a": 2}', ''] });
  });

  it('refuses text that is neither', () => {
    expect(() => parseImportText('id\ttext\n1\thello')).toThrow(ImportError);
    expect(() => parseImportText('id\ttext')).toThrow(/neither JSON nor JSONL/);
  });

  it('says on which line and column a broken JSON document breaks', () => {
    expect(() => parseImportText('[\n  {"claimReviewed": "x"},\n  {"claimReviewed": "y",}\n]')).toThrow(/neither JSON nor JSONL \(one JSON object per line\): line 3, column 25: /);
  });
});

describe('detectFormat', () => {
  it.each([
    ['a ClaimReview', { '@type': 'ClaimReview', claimReviewed: 'x' }, 'claimreview'],
    ['an untyped ClaimReview', { claimReviewed: 'x' }, 'claimreview'],
    ['a @graph', { '@graph': [{ '@type': 'WebPage' }] }, 'claimreview'],
    ['a DataFeed', { '@type': 'DataFeed', dataFeedElement: [] }, 'claimreview'],
    ['an array of ClaimReviews', [null, { '@type': ['Review', 'ClaimReview'] }], 'claimreview'],
    ['a Fact Check Tools response', { claims: [], nextPageToken: 'x' }, 'factcheck-tools'],
    ['a Fact Check Tools claim', { text: 'x', claimReview: [] }, 'factcheck-tools'],
    ['a 2A record', { vclaim_id: 'v', vclaim: 'x', title: 't' }, 'checkthat-2a'],
    ['a 2B record', { vclaim_id: 'v', vclaim: 'x', speaker: 's', truth_label: 'true' }, 'checkthat-2b'],
  ])('recognises %s', (_name, value, format) => {
    expect(detectFormat(json(value))).toBe(format);
  });

  it('looks past records no importer knows, as in the JSON-LD blocks of a fact-check page', () => {
    const page = [{ '@type': 'WebSite', name: 'Example Check' }, { '@type': 'BreadcrumbList' }, { '@type': 'ClaimReview', claimReviewed: 'x' }];
    expect(detectFormat(json(page))).toBe('claimreview');
    expect(detectFormat({ kind: 'jsonl', lines: ['{"@type":"WebPage"}', '{"vclaim_id":"v","vclaim":"x"}'] })).toBe('checkthat-2a');
    const tooFar = [...Array.from({ length: DETECT_RECORDS }, () => ({ '@type': 'WebPage' })), { '@type': 'ClaimReview', claimReviewed: 'x' }];
    expect(() => detectFormat(json(tooFar))).toThrow(/unknown input format: the first record has the keys \{@type\}/);
  });

  it('refuses an input of the format from which no claim can be imported', () => {
    expect(() => importInput(json({ '@type': 'DataFeed', dataFeedElement: [] }))).toThrow(/no records to import as claimreview/);
    expect(() => importInput(json([{ '@type': 'ClaimReview' }, { '@type': 'WebPage' }]))).toThrow(/no claim could be imported as claimreview: 2 of 2 record/);
  });

  it('reads the first non-blank JSONL line', () => {
    expect(detectFormat({ kind: 'jsonl', lines: ['', '{"vclaim_id":"v","vclaim":"x"}'] })).toBe('checkthat-2a');
  });

  it('names the keys it found when no importer knows the shape', () => {
    expect(() => detectFormat(json({ headline: 'x', body: 'y' }))).toThrow(/unknown input format: the first record has the keys \{headline, body\}/);
    expect(() => detectFormat(json([1, 2]))).toThrow(/holds no JSON object/);
    expect(() => importInput(json({ foo: 1 }))).toThrow(ImportError);
  });

  it('names a broken JSONL line', () => {
    expect(() => importInput({ kind: 'jsonl', lines: ['{"claimReviewed":"x"}', '{oops'] })).toThrow(/line 2: invalid JSON/);
  });
});
