// Ranking signals beyond single words: term proximity, the speaker prior, the
// leading "Says", and the optional date context, on invented claims.
import { describe, expect, it } from 'vitest';
import type { MatchableClaim } from '../../lib/claims/runtime-types';
import { compileEntities } from '../../lib/match/entities';
import { queryPairs, sharedPairs, termPairs } from '../../lib/match/proximity';
import { createClaimRanker, createRanker, dayNumber, RANKING, type RankFields, type RankingOptions } from '../../lib/match/rank';

const claim = (id: string, text: string, extra: Partial<MatchableClaim> = {}): MatchableClaim => ({ id, text, paraphrases: [], entities: [], ...extra });
const noEntities = compileEntities([]);
const noFeedback = { feedback: { ...RANKING.feedback, weight: 0 } };
/** Claim ids, best first, from a claim ranker over `pool`. */
function ranked(pool: MatchableClaim[], query: string, options: Partial<RankingOptions> = {}, date?: string): string[] {
  const ranker = createClaimRanker(pool, noEntities, { ...noFeedback, ...options });
  return ranker.top(query, pool.length, date ? { date } : undefined).map((r) => pool[r.claim]!.id);
}
/** Filler claims, so that the words of the test claims are rare. */
const filler = Array.from({ length: 30 }, (_, i) => claim(`filler-${i}`, `Unrelated filler statement number ${i} about gardening and weather`));

describe('proximity.ts', () => {
  it('pairs adjacent terms in order, and terms a few positions apart in any order', () => {
    const pairs = termPairs(['cut', 'tax', 'rich', 'famili'], 2);
    expect([...pairs.ordered]).toEqual(['cut tax', 'tax rich', 'rich famili']);
    expect(pairs.unordered).toEqual(new Set(['cut|tax', 'cut|rich', 'rich|tax', 'famili|tax', 'famili|rich']));
  });

  it('weighs a shared pair by the rarer of its two terms', () => {
    const idf = (t: string) => ({ apolog: 3, tour: 1, began: 0.5 })[t] ?? 0;
    const query = queryPairs(['began', 'apolog', 'tour'], 2, idf);
    expect(query.orderedTotal).toBeCloseTo(0.5 + 1, 12);
    expect(sharedPairs(query, termPairs(['apolog', 'tour'], 2))).toEqual({ ordered: 1, unordered: 1 });
    expect(sharedPairs(query, termPairs(['tour', 'nation', 'apolog'], 2))).toEqual({ ordered: 0, unordered: 1 });
  });
});

describe('ranking with proximity', () => {
  const pool = [
    claim('scattered', 'The tour guide issued an apology to the tourists for the delay.'),
    claim('phrase', 'The minister went on an apology tour of the region for the delay.'),
    ...filler,
  ];

  it('puts the claim that shares the phrase before the one that shares the same words apart', () => {
    const query = 'Critics said the apology tour caused the delay';
    // Word for word the two tie (and the tie goes to the first claim); the shared bigram breaks it.
    expect(ranked(pool, query, { proximity: { maxGap: 3, ordered: 0, unordered: 0 } }).slice(0, 2)).toEqual(['scattered', 'phrase']);
    expect(ranked(pool, query, { proximity: { maxGap: 3, ordered: 0.1, unordered: 0 } }).slice(0, 2)).toEqual(['phrase', 'scattered']);
  });

  it('is on by default', () => {
    expect(RANKING.proximity.ordered).toBeGreaterThan(0);
  });
});

describe('the speaker prior', () => {
  const pool = [
    // Equal words: without the prior the tie goes to the first claim, 'rare'.
    claim('rare', 'Ferry fares doubled this spring!', { speaker: 'Bo Rare' }),
    claim('busy', 'Ferry fares doubled this spring.', { speaker: 'Ann Busy' }),
    ...['bridge tolls rose', 'bus lanes closed', 'trains ran late', 'taxis cost more'].map((t, i) => claim(`busy-${i}`, t, { speaker: 'Ann Busy' })),
    ...filler,
  ];

  it('prefers, among equal claims, the one whose speaker makes many claims', () => {
    expect(ranked(pool, 'ferry fares doubled', { speakerPrior: 0.4 }).slice(0, 2)).toEqual(['busy', 'rare']);
    expect(ranked(pool, 'ferry fares doubled', { speakerPrior: 0 }).slice(0, 2)).toEqual(['rare', 'busy']);
  });
});

describe('a leading "Says"', () => {
  it('is dropped from wordings by default, so it does not lengthen the claim', () => {
    const pool = [claim('says', 'Says the harbour tax doubled.'), claim('plain', 'The harbour tax doubled again.'), ...filler];
    const with_ = createClaimRanker(pool, noEntities, { ...noFeedback, dropSays: false }).top('harbour tax doubled', 2);
    const without = createClaimRanker(pool, noEntities, noFeedback).top('harbour tax doubled', 2);
    expect(RANKING.dropSays).toBe(true);
    expect(without[0]!.score).toBeGreaterThanOrEqual(with_[0]!.score);
    expect(ranked(pool, 'he says the harbour tax doubled')[0]).toBe('says');
  });
});

describe('date context', () => {
  const pool = [
    claim('old', 'Unemployment among veterans fell below the national rate.', { date: '2009-03-01' }),
    claim('recent', 'Unemployment among veterans is below the national rate.', { date: '2012-10-20' }),
    claim('later', 'Unemployment among veterans fell below the national rate again.', { date: '2014-05-02' }),
    ...filler,
  ];
  const query = 'unemployment among veterans fell below the national rate';

  it('reads ISO days, and nothing else', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2012-10-22T20:00:00Z')).toBe(dayNumber('2012-10-22'));
    expect(dayNumber('October 22, 2012')).toBeUndefined();
    expect(dayNumber(undefined)).toBeUndefined();
  });

  it('without a date ranks by the words alone', () => {
    const textOnly = ranked(pool, query);
    expect(textOnly.indexOf('old')).toBeLessThan(textOnly.indexOf('recent'));
    expect(ranked(pool, query, {}, 'not a date')).toEqual(textOnly);
  });

  it('with a date lifts the claim made shortly before it and sinks the one made after it', () => {
    const dated = ranked(pool, query, {}, '2012-10-22');
    expect(dated[0]).toBe('recent');
    expect(dated.indexOf('later')).toBeGreaterThan(dated.indexOf('old'));
  });

  it('a claim dated only by its fact-check gains when the fact-check is near the date', () => {
    const reviews = [
      claim('checked-soon', 'A shark swam down the flooded highway.', { reviewDate: '2017-08-30' }),
      claim('checked-long-ago', 'A shark swam down a flooded highway.', { reviewDate: '2011-08-30' }),
      ...filler,
    ];
    const q = 'shark swimming down a flooded highway';
    expect(ranked(reviews, q, {}, '2017-08-28')[0]).toBe('checked-soon');
    expect(ranked(reviews, q, {}, '2011-08-28')[0]).toBe('checked-long-ago');
  });

  it('createRanker takes claim days directly', () => {
    const fields = (wording: string[], day?: number): RankFields => ({ wordings: [wording], title: [], summary: [], ...(day === undefined ? {} : { day }) });
    const claims = [fields(['flood', 'valley'], 100), fields(['flood', 'valley'], 1000), fields(['tax'])];
    const ranker = createRanker(claims, noFeedback);
    expect(ranker.top(['flood', 'valley'], 2).map((r) => r.claim)).toEqual([0, 1]);
    expect(ranker.top(['flood', 'valley'], 2, { date: '1972-09-27' }).map((r) => r.claim)).toEqual([1, 0]);
  });
});
