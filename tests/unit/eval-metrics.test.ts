// MAP@k with the CheckThat! definition, on cases small enough to work out by hand.
import { describe, expect, it } from 'vitest';
import { averagePrecisionAtK, meanAveragePrecisionAtK } from '../../lib/cli/eval/metrics';

describe('averagePrecisionAtK', () => {
  it('is 1 when the only relevant claim is first, and 1/r when it is at rank r within k', () => {
    expect(averagePrecisionAtK(['a', 'b', 'c'], ['a'], 5)).toBe(1);
    expect(averagePrecisionAtK(['b', 'a', 'c'], ['a'], 5)).toBe(1 / 2);
    expect(averagePrecisionAtK(['b', 'c', 'd', 'e', 'a'], ['a'], 5)).toBe(1 / 5);
  });

  it('is 0 when the relevant claim is beyond k or missing', () => {
    expect(averagePrecisionAtK(['b', 'a'], ['a'], 1)).toBe(0);
    expect(averagePrecisionAtK(['b', 'c'], ['a'], 5)).toBe(0);
  });

  it('divides by the number of relevant claims, not by those found within k', () => {
    // Relevant a and b at ranks 1 and 3: (1/1 + 2/3) / 2.
    expect(averagePrecisionAtK(['a', 'x', 'b'], ['a', 'b'], 5)).toBeCloseTo((1 + 2 / 3) / 2, 12);
    // Only a is within k = 1 of two relevant claims: (1/1) / 2.
    expect(averagePrecisionAtK(['a', 'b'], ['a', 'b'], 1)).toBe(0.5);
    // Three relevant, two found at ranks 2 and 4: (1/2 + 2/4) / 3.
    expect(averagePrecisionAtK(['x', 'a', 'y', 'b', 'z'], ['a', 'b', 'c'], 5)).toBeCloseTo(1 / 3, 12);
  });

  it('credits a repeated id once', () => {
    expect(averagePrecisionAtK(['a', 'a'], ['a', 'b'], 5)).toBe(0.5);
  });
});

describe('meanAveragePrecisionAtK', () => {
  it('averages over queries that have gold, counting missed queries as 0', () => {
    const runs = [
      { ranked: ['a'], relevant: ['a'] }, // 1
      { ranked: ['x', 'b'], relevant: ['b'] }, // 1/2
      { ranked: ['x'], relevant: ['c'] }, // 0
      { ranked: ['a'], relevant: [] }, // no gold: not counted
    ];
    expect(meanAveragePrecisionAtK(runs, 5)).toBeCloseTo(1.5 / 3, 12);
    expect(meanAveragePrecisionAtK(runs, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 without any query', () => {
    expect(meanAveragePrecisionAtK([], 5)).toBe(0);
  });
});
