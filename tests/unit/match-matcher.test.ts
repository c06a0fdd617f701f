import { describe, expect, it } from 'vitest';
import type { MatchableClaim } from '../../lib/claims/runtime-types';
import { createMatcher } from '../../lib/match/matcher';
import { computeWeights, COMMON_TERM_FACTOR } from '../../lib/match/weights';

// A small invented pack, unrelated to the seed article, so that these tests
// exercise the matcher's behaviour rather than one fixture.
const acme = { id: 'acme', name: 'Acme Corp', aliases: ['Acme', 'Acme Corporation'] };
const river = { id: 'river', name: 'Blue River', aliases: ['the river'] };
const mayor = { id: 'mayor', name: 'Mayor Jane Doe', aliases: ['Doe', 'Mayor Doe', 'the mayor'] };
const claims: MatchableClaim[] = [
  {
    id: 'acme-dumped-waste',
    text: 'Acme Corp dumped toxic waste into the Blue River for a decade.',
    paraphrases: ['Acme polluted the river with chemical waste over many years.'],
    entities: [acme, river],
  },
  {
    id: 'mayor-hid-report',
    text: 'Mayor Jane Doe hid an inspection report about pollution from the council.',
    paraphrases: ['The mayor concealed the pollution inspection report from city councillors.'],
    entities: [mayor],
  },
  {
    id: 'fish-died',
    text: 'Thousands of fish died in the Blue River after the spill.',
    paraphrases: [],
    entities: [river],
  },
];

const matcher = createMatcher(claims);
const ids = (text: string) => matcher.match(text).map((a) => a.claimId);

describe('createMatcher().match', () => {
  it('annotates the whole trimmed sentence that carries a claim', () => {
    const text = 'Intro line.\n\n  Residents say Acme dumped toxic waste into the Blue River for a decade. Nobody else did.  ';
    const [a, ...rest] = matcher.match(text);
    expect(rest).toEqual([]);
    expect(a!.claimId).toBe('acme-dumped-waste');
    expect(text.slice(a!.start, a!.end)).toBe('Residents say Acme dumped toxic waste into the Blue River for a decade.');
    expect(a!.score).toBeGreaterThan(0);
    expect(a!.score).toBeLessThanOrEqual(1);
  });

  it('catches paraphrases through stems, aliases and paraphrase wordings', () => {
    expect(ids('For years, the Acme Corporation has been polluting the river with chemical wastes.')).toEqual(['acme-dumped-waste']);
    expect(ids('Critics say Mayor Doe concealed an inspection report on pollution from councillors.')).toEqual(['mayor-hid-report']);
  });

  it('is not fooled by typography: curly quotes, no-break spaces, soft hyphens, case', () => {
    expect(ids('“ACME dumped toxic\u00a0waste into the Blue\u00a0River for a de\u00adcade,” she said.')).toEqual(['acme-dumped-waste']);
  });

  it('reports offsets into the original string even when folding changes lengths', () => {
    const text = 'Ünïcödé ﬁrst. Thousands of fish died in the Blue River after the spill.';
    const [a] = matcher.match(text);
    expect(text.slice(a!.start, a!.end)).toBe('Thousands of fish died in the Blue River after the spill.');
  });

  it('gives each claim of a sentence its own annotation', () => {
    const text = 'After Acme dumped toxic waste into the Blue River for a decade, thousands of fish died in the river after the spill.';
    const found = matcher.match(text);
    expect(found.map((a) => a.claimId).sort()).toEqual(['acme-dumped-waste', 'fish-died']);
    expect(new Set(found.map((a) => `${a.start}:${a.end}`)).size).toBe(1);
  });

  it('does not annotate a sentence that names the entities but says something else', () => {
    expect(ids('Acme sponsored a rowing race on the Blue River for a decade.')).toEqual([]);
    expect(ids('Mayor Doe praised the council for its report on the new library.')).toEqual([]);
  });

  it('does not annotate without every key entity, however close the wording', () => {
    expect(ids('A company dumped toxic waste into the Blue River for a decade.')).toEqual([]);
  });

  it('never joins text across a blank line', () => {
    expect(ids('Acme dumped toxic waste\n\ninto the Blue River for a decade.')).toEqual([]);
  });

  it('reports evidence as written in the page', () => {
    const [a] = matcher.match('Acme’s trucks dumped TOXIC waste into the Blue River.');
    expect(a!.evidence.matchedEntities).toEqual(['Acme', 'Blue River']);
    expect(a!.evidence.matchedTerms).toEqual(expect.arrayContaining(['dumped', 'TOXIC', 'waste']));
    expect(a!.evidence.coverage).toBe(a!.score);
    expect([claims[0]!.text, ...claims[0]!.paraphrases]).toContain(a!.evidence.matchedWording);
  });

  it('respects the threshold option', () => {
    const sentence = 'Acme dumped toxic waste into the Blue River.';
    const [a] = matcher.match(sentence);
    expect(a).toBeDefined();
    expect(createMatcher(claims, { threshold: Math.min(1, a!.score + 0.01) }).match(sentence)).toEqual([]);
    expect(createMatcher(claims, { threshold: a!.score }).match(sentence)).toHaveLength(1);
  });

  it('handles empty input and an empty pack', () => {
    expect(matcher.match('')).toEqual([]);
    expect(createMatcher([]).match('Acme dumped toxic waste into the Blue River for a decade.')).toEqual([]);
  });

  it('ignores run-on "sentences" too long to be prose', () => {
    const run = `${'word '.repeat(200)}Acme dumped toxic waste into the Blue River for a decade`;
    expect(ids(run)).toEqual([]);
  });

  it('stays fast on a large page', () => {
    const filler = 'The council met on Tuesday to discuss the budget and the new library. ';
    const page = `${filler.repeat(15_000)}Acme dumped toxic waste into the Blue River for a decade.`;
    const t0 = performance.now();
    expect(ids(page)).toEqual(['acme-dumped-waste']);
    // About 1 MB of text; the budget is generous so that slow CI machines pass.
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('gives the same answers after the sentence stamps of the probe walk wrap around', () => {
    // The walk numbers sentences 1 … 65,535 and then starts over: a fresh
    // matcher gives the claim's first sentence and its 65,536th the same
    // number, with sentences in between that never meet the wording.
    const own = createMatcher(claims);
    const filler = 'The council met on Tuesday to discuss the budget. ';
    const claim = 'Acme dumped toxic waste into the Blue River for a decade. ';
    const page = `${claim}${filler.repeat(65_534)}${claim}${filler}${claim}`;
    expect(own.match(page).map((a) => a.claimId)).toEqual(Array(3).fill('acme-dumped-waste'));
  });
});

describe('createMatcher().rank', () => {
  it('orders claims by relevance and honours k', () => {
    const ranked = matcher.rank('toxic waste in the Blue River', 2);
    expect(ranked).toHaveLength(2);
    expect(ranked[0]!.claimId).toBe('acme-dumped-waste');
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(ranked[1]!.score);
  });

  it('is generous: it ranks claims that match() would not annotate', () => {
    const query = 'fish in the river';
    expect(matcher.match(query)).toEqual([]);
    expect(matcher.rank(query, 3).map((r) => r.claimId)).toContain('fish-died');
  });

  it('returns nothing for a query that shares no term', () => {
    expect(matcher.rank('completely unrelated words', 5)).toEqual([]);
    expect(matcher.rank('toxic waste', 0)).toEqual([]);
  });
});

describe('computeWeights', () => {
  it('weighs terms that fewer claims share more', () => {
    const w = computeWeights([['ambassador', 'campaign'], ['campaign'], ['campaign', 'narrative']]);
    expect(w.weight('ambassador')).toBeGreaterThan(w.weight('campaign'));
    expect(w.weight('campaign')).toBeGreaterThan(0);
    expect(w.weight('unknown')).toBe(0);
    expect(w.df('campaign')).toBe(3);
    expect(w.claimCount).toBe(3);
  });

  it('damps common news words and years', () => {
    const w = computeWeights([['offici', 'ambassador'], ['2016', 'narr']]);
    expect(w.weight('offici')).toBeCloseTo(w.weight('ambassador') * COMMON_TERM_FACTOR);
    expect(w.weight('2016')).toBeCloseTo(w.weight('narr') * COMMON_TERM_FACTOR);
  });
});
