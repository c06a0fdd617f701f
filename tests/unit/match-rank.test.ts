// Ranking: fields, numbers, entity aliases, feedback and the re-score, on an invented pool.
import { describe, expect, it } from 'vitest';
import type { MatchableClaim } from '../../lib/claims/runtime-types';
import { createMatcher } from '../../lib/match/matcher';
import { createRanker, RANKING, type RankFields } from '../../lib/match/rank';

const claim = (id: string, text: string, extra: Partial<MatchableClaim> = {}): MatchableClaim => ({ id, text, paraphrases: [], entities: [], ...extra });
const russia = { id: 'russia', name: 'Russia', aliases: ['Moscow', 'Kremlin'] };
const pool: MatchableClaim[] = [
  claim('wage-15', 'Workers have not had a raise in 15 years.'),
  claim('wage-20', 'Workers have not had a raise in 20 years.'),
  claim('dam', 'The dam burst and flooded the valley.', { title: 'Did the Hoover reservoir wall collapse?', summary: 'Rumours spread after heavy rain.' }),
  claim('hackers', 'Russia hacked the election servers.', { entities: [russia] }),
  claim('bridge', 'The new bridge cost twice its budget.'),
  claim('zoo', 'A tiger escaped from the city zoo.'),
];
const matcher = createMatcher(pool);
const top = (q: string, k = 3) => matcher.rank(q, k).map((r) => r.claimId);

describe('createMatcher().rank', () => {
  it('finds a claim through its fact-check title', () => {
    expect(top('Hoover reservoir wall collapse')[0]).toBe('dam');
  });

  it('tells claims apart by their numbers, grouped or not', () => {
    expect(top('no raise for workers in 15 years')[0]).toBe('wage-15');
    expect(top('no raise for workers in 20 years')[0]).toBe('wage-20');
  });

  it('meets a claim through an alias of its key entity', () => {
    expect(top('Moscow hacked election servers')[0]).toBe('hackers');
  });

  it('reads tweets: links are ignored and hashtags split into words', () => {
    expect(top('#TigerEscaped from #CityZoo https://example.com/x1Y2z3 pic.twitter.com/AbC')[0]).toBe('zoo');
  });

  it('scores best first, leaves out claims sharing nothing, and honours k', () => {
    const ranked = matcher.rank('tiger zoo', 10);
    expect(ranked.map((r) => r.claimId)).toEqual(['zoo']);
    expect(matcher.rank('tiger zoo', 0)).toEqual([]);
    expect(matcher.rank('nothing in common here', 5)).toEqual([]);
  });
});

describe('createRanker re-score', () => {
  const fields = (wording: string[]): RankFields => ({ wordings: [wording], title: [], summary: [] });

  it('penalises a claim that names other years than the text', () => {
    const claims = [fields(['flood', 'citi', '2021']), fields(['flood', 'citi', 'river', 'bank']), fields(['tax'])];
    const query = ['flood', 'citi', '2020'];
    const without = createRanker(claims, { yearClashPenalty: 0, feedback: { ...RANKING.feedback, weight: 0 } }).top(query, 2);
    const withPenalty = createRanker(claims, { feedback: { ...RANKING.feedback, weight: 0 } }).top(query, 2);
    expect(without.map((r) => r.claim)).toEqual([0, 1]);
    expect(withPenalty.map((r) => r.claim)).toEqual([1, 0]);
  });

  it('prefers the claim whose own wording the text covers', () => {
    // Claim 0 shares two rare words of its four with the text; claim 1 is one rare word, covered whole.
    const claims = [fields(['alpha', 'beta', 'gamma', 'delta']), fields(['omega']), fields(['x', 'y']), fields(['y', 'z'])];
    const query = ['alpha', 'beta', 'omega'];
    const off = { feedback: { ...RANKING.feedback, weight: 0 } };
    expect(createRanker(claims, { ...off, coverageWeight: 0 }).top(query, 2).map((r) => r.claim)).toEqual([0, 1]);
    expect(createRanker(claims, { ...off, coverageWeight: 1 }).top(query, 2).map((r) => r.claim)).toEqual([1, 0]);
  });
});
