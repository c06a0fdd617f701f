// CheckThat! 2A (Snopes) and 2B (PolitiFact) importers on hand-written records.
import { describe, expect, it } from 'vitest';
import { importCheckThat2a, importCheckThat2b, parseStated, politifactUrl } from '../../lib/claims/importers';
import { validatePack } from '../../lib/claims/validate';
import { jsonl, NOW } from './import-helpers';

const snopes = {
  title: 'Does Video Show a 10-Meter-Long Anaconda?',
  subtitle: 'The anaconda is one of the largest snakes in the world.',
  author: 'Dan Evon',
  date: '6 March 2021',
  vclaim_id: 'vclaim-sno-10-meter-anaconda',
  vclaim: 'A viral video shows a 10-meter-long anaconda swimming across a river in Brazil.',
};

const politifact = {
  vclaim_id: 'vclaim-pol-00000',
  vclaim: 'Schuyler VanValkenburg co-sponsored a bill that would have "allowed abortion until the moment of birth."',
  speaker: 'GayDonna Vandergriff',
  truth_label: 'false',
  date: 'stated on October 22, 2019 in a campaign mailer.:',
  url: '/factchecks/2019/oct/30/gaydonna-vandergriff/vandergriff-inaccurately-describes-bill-would-have/',
  title: 'Vandergriff inaccurately describes bill that would have eased late-term abortion laws',
};

describe('CheckThat! 2A importer (Snopes)', () => {
  it('keeps the Snopes author as metadata, never as a claimant, makes up no verdict, and keeps the headline for retrieval', () => {
    const { pack, report } = importCheckThat2a(jsonl([snopes, { ...snopes, vclaim_id: 'vclaim-sno-x', vclaim: 'Other.', page_url: 'https://www.snopes.com/x' }]));
    expect(validatePack(pack, '2a.pack.json', { now: NOW }).errors).toEqual([]);
    expect(report).toMatchObject({ format: 'checkthat-2a', claims: 2, actors: 0, stances: 0, reviews: 0 });
    expect(pack.claims[0]).toEqual({
      id: 'checkthat-2a:vclaim-sno-10-meter-anaconda',
      text: snopes.vclaim,
      sourceId: 'vclaim-sno-10-meter-anaconda',
      retrieval: { title: snopes.title, summary: snopes.subtitle, reviewDate: '2021-03-06' },
      extra: { author: 'Dan Evon' },
    });
    expect(pack.claims[1]!.extra?.page_url).toBe('https://www.snopes.com/x');
    expect(pack.license).toMatch(/research use/);
  });
});

describe('CheckThat! 2B importer (PolitiFact)', () => {
  it('lets the speaker assert the claim where and when PolitiFact says it was stated, with PolitiFact\'s verdict', () => {
    const { pack } = importCheckThat2b(jsonl([politifact]));
    expect(validatePack(pack, '2b.pack.json', { now: NOW }).errors).toEqual([]);
    const url = `https://www.politifact.com${politifact.url}`;
    expect(pack.claims[0]).toEqual({
      id: 'checkthat-2b:vclaim-pol-00000',
      text: politifact.vclaim,
      stances: [{ actor: 'gaydonna-vandergriff', stance: 'asserts', source: { outlet: 'a campaign mailer', date: '2019-10-22' } }],
      reviews: [{ publisher: 'PolitiFact', rating: 'False', normalizedRating: -1, url, date: '2019-10-30' }],
      appearances: [{ outlet: 'a campaign mailer', date: '2019-10-22' }],
      sourceId: 'vclaim-pol-00000',
      retrieval: { title: politifact.title, speaker: 'GayDonna Vandergriff', date: '2019-10-22', reviewDate: '2019-10-30' },
    });
  });

  it('cites the PolitiFact review when the venue is unknown, and keeps the stated date for retrieval', () => {
    const { pack } = importCheckThat2b(jsonl([{ ...politifact, date: 'stated on October 9, 2019:' }]));
    const c = pack.claims[0]!;
    expect(c.stances?.[0]?.source).toEqual({
      outlet: 'PolitiFact', title: politifact.title, url: `https://www.politifact.com${politifact.url}`, date: '2019-10-30',
    });
    expect(c.appearances).toBeUndefined();
    expect(c.retrieval).toEqual({ title: politifact.title, speaker: 'GayDonna Vandergriff', date: '2019-10-09', reviewDate: '2019-10-30' });
    expect(c.extra).toBeUndefined();
  });

  it('makes no stance without a speaker, and still keeps the title for retrieval', () => {
    const { pack } = importCheckThat2b(jsonl([{ ...politifact, speaker: '', date: 'stated on October 9, 2019:' }]));
    expect(pack.claims[0]!.stances).toBeUndefined();
    expect(pack.claims[0]!.retrieval).toEqual({ title: politifact.title, date: '2019-10-09', reviewDate: '2019-10-30' });
    // The empty speaker is not a speaker, but nothing is dropped.
    expect(pack.claims[0]!.extra).toEqual({ speaker: '' });
  });

  it('maps PolitiFact labels to the words its pages show; Flip-O-Meter verdicts stay unrated', () => {
    const labels = ['barely-true', 'pants-fire', 'half-flip', 'made-up-label'];
    const { pack, report } = importCheckThat2b(jsonl(labels.map((truth_label, i) => ({ ...politifact, vclaim_id: `v-${i}`, vclaim: `Claim ${i}.`, truth_label }))));
    expect(pack.claims.map((c) => [c.reviews?.[0]?.rating, c.reviews?.[0]?.normalizedRating])).toEqual([
      ['Mostly False', -0.5], ['Pants on Fire', -1], ['Half Flip', undefined], ['made-up-label', undefined],
    ]);
    expect(report.unnormalizedRatings).toBe(2);
  });

  it('builds review URLs only from paths on politifact.com', () => {
    expect(politifactUrl('/factchecks/2019/oct/30/x/')).toBe('https://www.politifact.com/factchecks/2019/oct/30/x/');
    expect(politifactUrl('https://www.politifact.com/x/')).toBe('https://www.politifact.com/x/');
    expect(politifactUrl('//evil.example/x')).toBeUndefined();
    expect(politifactUrl('https://evil.example/x')).toBeUndefined();
    const { pack } = importCheckThat2b(jsonl([{ ...politifact, url: 'https://evil.example/x' }]));
    expect(pack.claims[0]!.reviews?.[0]?.url).toBeUndefined();
    expect(pack.claims[0]!.extra?.url).toBe('https://evil.example/x');
  });

  it('parses "stated on … in …"', () => {
    expect(parseStated('stated on October 22, 2019 in a campaign mailer.:')).toEqual({ date: '2019-10-22', venue: 'a campaign mailer' });
    expect(parseStated('stated on May 8, 2019:')).toEqual({ date: '2019-05-08' });
    expect(parseStated('said somewhere')).toEqual({});
  });

  it('keeps records of the other task, and empty ones, under extra.unmapped', () => {
    const { report, pack } = importCheckThat2b(jsonl([politifact, snopes, { ...politifact, vclaim: ' ' }]));
    expect(report).toMatchObject({ records: 3, claims: 1, unmapped: 2 });
    expect((pack.extra?.unmapped as { at: string }[]).map((u) => u.at)).toEqual(['line 2', 'line 3']);
  });
});
