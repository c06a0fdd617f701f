import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { toDocumentText } from '../../lib/annotate/document-text';
import { buildWebAnnotations, QUOTE_CONTEXT_CHARS, type ExportClaim } from '../../lib/annotate/web-annotation';
import { compileBundledPacks, PROJECT_ROOT } from '../../lib/cli/bundled-index';
import { createMatcher } from '../../lib/match/matcher';
import { findPageAnnotations } from '../../lib/page/page-annotations';

const text = `${'A'.repeat(50)} The moon is made of cheese, officials said. ${'B'.repeat(50)}`;
const start = text.indexOf('The moon');
const end = text.indexOf(' B');
const claim: ExportClaim = {
  id: 'c1',
  text: 'The moon is made of cheese.',
  packTitle: 'Test pack',
  stances: [
    { actor: { id: 'a', name: 'Ada', aliases: [], role: 'Astronomer', kind: 'person' }, stance: 'asserts', quote: 'Cheese!', source: { outlet: 'Gazette', url: 'https://gazette.example/1', date: '2020-01-02' } },
    { actor: { id: 'd', name: 'Dan', aliases: [], role: 'Dairy farmer', kind: 'person' }, stance: 'denies', source: { outlet: 'Radio' } },
  ],
  reviews: [{ publisher: 'CheckOrg', rating: 'False', normalizedRating: -1 }],
};
const input = {
  url: 'https://news.example/story',
  title: 'Story',
  text,
  spans: [{ claimId: 'c1', start, end }, { claimId: 'unknown', start: 0, end: 5 }, { claimId: 'c1', start: 10, end: 999 }],
  claims: [claim],
  created: new Date('2024-01-02T03:04:05Z'),
  version: '0.1.0',
};

describe('buildWebAnnotations', () => {
  it('builds a W3C AnnotationCollection with quote and position selectors and the claim as body', () => {
    const out = buildWebAnnotations(input);
    expect(out['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(out).toMatchObject({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage' } });
    const [a] = out.first.items;
    expect(a).toMatchObject({ type: 'Annotation', motivation: 'identifying', created: '2024-01-02T03:04:05.000Z' });
    expect(a!.target.source).toBe('https://news.example/story');
    const [quote, position] = a!.target.selector;
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'The moon is made of cheese, officials said.',
      prefix: text.slice(start - QUOTE_CONTEXT_CHARS, start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(text.slice(position.start, position.end)).toBe(quote.exact);
    expect(a!.body).toMatchObject({ type: 'TextualBody', purpose: 'describing', value: claim.text, 'claimlens:claimId': 'c1', 'claimlens:pack': 'Test pack' });
    expect(a!.body['claimlens:stances']).toEqual([
      { stance: 'asserts', actor: 'Ada', role: 'Astronomer', quote: 'Cheese!', outlet: 'Gazette', url: 'https://gazette.example/1', date: '2020-01-02' },
      { stance: 'denies', actor: 'Dan', role: 'Dairy farmer', outlet: 'Radio' },
    ]);
    expect(a!.body['claimlens:reviews']).toEqual(claim.reviews);
  });

  it('keeps short context at the edges of the text and gives stable ids', () => {
    const edge = buildWebAnnotations({ ...input, text: 'The moon is cheese.', spans: [{ claimId: 'c1', start: 0, end: 19 }] });
    expect(edge.first.items[0]!.target.selector[0]).toMatchObject({ prefix: '', suffix: '' });
    expect(buildWebAnnotations(input).first.items[0]!.id).toBe(buildWebAnnotations(input).first.items[0]!.id);
    expect(JSON.parse(JSON.stringify(buildWebAnnotations(input)))).toEqual(buildWebAnnotations(input));
  });
});

describe('the export of a real page', () => {
  it('counts its selectors in the document\'s text, so that other tools re-anchor them on the page', () => {
    const html = readFileSync(path.join(PROJECT_ROOT, 'assets/demo/seed-article.html'), 'utf8');
    const { index } = compileBundledPacks();
    const dom = new JSDOM(html, { url: 'https://news.example/story' });
    const doc = dom.window.document;
    const found = findPageAnnotations(doc, () => createMatcher(index.body.claims))!;
    const used = new Set(found.annotations.map((a) => a.claimId));
    const claims = index.body.claims.filter((c) => used.has(c.id)).map((c) => ({ id: c.id, text: c.text, packTitle: c.packId, stances: c.stances, reviews: c.reviews }));
    const { text, spans } = toDocumentText(doc, found.model, found.annotations);
    const out = buildWebAnnotations({ url: 'https://news.example/story', title: doc.title, text, spans, claims, created: new Date(0), version: '0' });
    const page = doc.body.textContent!;
    expect(out.first.items.length).toBe(found.annotations.length);
    for (const annotation of out.first.items) {
      const [quote, position] = annotation.target.selector;
      expect(page.slice(position.start, position.end)).toBe(quote.exact);
      expect(page).toContain(quote.prefix + quote.exact + quote.suffix);
    }
    dom.window.close();
  });
});
