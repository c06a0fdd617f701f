import { describe, expect, it } from 'vitest';
import { toHighlights } from '../../lib/annotate/highlights';

describe('toHighlights', () => {
  it('gives one highlight with both ids when two claims cover the same sentence', () => {
    expect(toHighlights([
      { claimId: 'b', start: 0, end: 10 },
      { claimId: 'a', start: 0, end: 10 },
    ])).toEqual([{ start: 0, end: 10, claimIds: ['a', 'b'] }]);
  });

  it('cuts overlapping spans so each run carries exactly the claims covering it', () => {
    expect(toHighlights([
      { claimId: 'a', start: 0, end: 10 },
      { claimId: 'b', start: 5, end: 15 },
    ])).toEqual([
      { start: 0, end: 5, claimIds: ['a'] },
      { start: 5, end: 10, claimIds: ['a', 'b'] },
      { start: 10, end: 15, claimIds: ['b'] },
    ]);
  });

  it('keeps separate sentences separate and drops empty spans', () => {
    expect(toHighlights([
      { claimId: 'a', start: 20, end: 30 },
      { claimId: 'a', start: 0, end: 10 },
      { claimId: 'c', start: 12, end: 12 },
    ])).toEqual([
      { start: 0, end: 10, claimIds: ['a'] },
      { start: 20, end: 30, claimIds: ['a'] },
    ]);
  });
});
