// BM25F and pseudo-relevance feedback, on invented documents.
import { describe, expect, it } from 'vitest';
import { createBm25f, K1 } from '../../lib/match/bm25f';
import { feedbackTerms } from '../../lib/match/feedback';

const plain = { weight: 1, b: 0 };

describe('createBm25f', () => {
  it('uses the Lucene idf and is 0 for unknown terms', () => {
    const index = createBm25f([[['a', 'b']], [['a']], [['c']]], [plain]);
    expect(index.idf('a')).toBeCloseTo(Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5)), 12);
    expect(index.idf('b')).toBeGreaterThan(index.idf('a'));
    expect(index.idf('zzz')).toBe(0);
  });

  it('saturates term frequency with k1', () => {
    const index = createBm25f([[['a', 'a', 'a']], [['a']], [['b']]], [plain]);
    const scores = index.score(['a']);
    const idf = index.idf('a');
    expect(scores.get(1)).toBeCloseTo((idf * (K1 + 1)) / (1 + K1), 12);
    expect(scores.get(0)).toBeCloseTo((idf * 3 * (K1 + 1)) / (3 + K1), 12);
    expect(scores.has(2)).toBe(false);
  });

  it('takes another k1: a larger one lets repeats count for longer', () => {
    const docs = [[['a', 'a', 'a']], [['a']], [['b']]];
    const ratio = (k1: number) => {
      const scores = createBm25f(docs, [plain], k1).score(['a']);
      return scores.get(0)! / scores.get(1)!;
    };
    expect(ratio(K1)).toBeCloseTo((3 * (K1 + 1)) / (3 + K1) / 1, 12);
    expect(ratio(2)).toBeGreaterThan(ratio(K1));
  });

  it('weights fields: a term in a heavy field outscores the same term in a light one', () => {
    const fields = [{ weight: 1, b: 0 }, { weight: 0.3, b: 0 }];
    const index = createBm25f([[['dam'], []], [[], ['dam']], [['x'], ['y']]], fields);
    const scores = index.score(['dam']);
    expect(scores.get(0)!).toBeGreaterThan(scores.get(1)!);
  });

  it('normalises each field by its own length', () => {
    const index = createBm25f([[['dam']], [['dam', 'x', 'y', 'z', 'w', 'v']], [['q']]], [{ weight: 1, b: 0.75 }]);
    const scores = index.score(['dam']);
    expect(scores.get(0)!).toBeGreaterThan(scores.get(1)!);
  });

  it('scales query terms by the given weights', () => {
    const index = createBm25f([[['a']], [['b']], [['c']]], [plain]);
    const scores = index.score(['a', 'b'], new Map([['a', 1], ['b', 0.5]]));
    expect(scores.get(1)!).toBeCloseTo(scores.get(0)! / 2, 12);
  });
});

describe('feedbackTerms', () => {
  // Two wordings of one claim about a dam, and an unrelated claim.
  const docs = [[['dam', 'burst', 'flood', 'valley']], [['reservoir', 'wall', 'burst', 'flood']], [['tax', 'cut', 'wage']]];
  const index = createBm25f(docs, [plain]);

  it('adds the top claims’ own words, not the query’s, at a fraction of a query term', () => {
    const query = new Set(['dam', 'valley']);
    const added = feedbackTerms(index, index.score(query), query, { docs: 1, terms: 3, weight: 0.5 });
    expect([...added.keys()].sort()).toEqual(['burst', 'flood']);
    for (const w of added.values()) expect(w).toBeGreaterThan(0);
    expect(added.has('dam')).toBe(false);
    // With the added words the sibling wording now scores.
    const weights = new Map([...query].map((t) => [t, 1] as [string, number]));
    for (const [t, w] of added) weights.set(t, w);
    expect(index.score(weights.keys(), weights).has(1)).toBe(true);
  });

  it('adds nothing when switched off or when nothing matched', () => {
    const query = new Set(['dam']);
    expect(feedbackTerms(index, index.score(query), query, { docs: 3, terms: 10, weight: 0 }).size).toBe(0);
    expect(feedbackTerms(index, new Map(), query).size).toBe(0);
  });
});
