import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/match/matcher';
import { QUANTITY_TOLERANCE, quantitiesClash, quantitiesOf } from '../../lib/match/quantities';
import { tokenize } from '../../lib/match/tokenize';

const quantities = (text: string) => quantitiesOf(tokenize(text));

describe('quantitiesOf', () => {
  it('reads counts, sums and rates, grouped or decimal, but not years or the days of dates', () => {
    expect(quantities('On March 2, 2016, the county lost 1,250 jobs, a 2.5% drop, and $7 trillion.')).toEqual([1250, 2.5, 7]);
    expect(quantities('By 16 Aug the tally was 40 and the vote was in 1998.')).toEqual([40]);
    expect(quantities('No numbers here at all.')).toEqual([]);
  });

  it('reads numbers spelled out in words, compounds as one number, as digits would be read', () => {
    expect(quantities('Eight million pupils sat the test in twenty-five counties.')).toEqual([8, 25]);
    expect(quantities('Two hundred fifty ferries and a hundred buses ran; seven were late.')).toEqual([250, 100, 7]);
    expect(quantities('One hundred and twelve arrests')).toEqual([112]);
  });

  it('does not read "one" alone, mostly a pronoun or an article ("one of the", "no one")', () => {
    expect(quantities('It is one of the highest rates, and no one knew; one or two said so.')).toEqual([2]);
  });
});

describe('quantitiesClash', () => {
  it('clashes only when both state quantities and none is near one of the other', () => {
    expect(quantitiesClash([50000], [4000])).toBe(true);
    expect(quantitiesClash([3], [94])).toBe(true);
    expect(quantitiesClash([300], [270])).toBe(false); // "close to 300%" for 270%: rounding, not another claim
    expect(quantitiesClash([8, 4000], [4000])).toBe(false);
    expect(quantitiesClash([], [4000])).toBe(false);
    expect(quantitiesClash([12], [])).toBe(false);
  });

  it('agrees up to QUANTITY_TOLERANCE times, in either direction', () => {
    expect(quantitiesClash([100 * QUANTITY_TOLERANCE], [100])).toBe(false);
    expect(quantitiesClash([100], [100 * QUANTITY_TOLERANCE])).toBe(false);
    expect(quantitiesClash([100 * QUANTITY_TOLERANCE + 1], [100])).toBe(true);
  });
});

describe('the decision with quantities', () => {
  const matcher = createMatcher([
    { id: 'mill-jobs', text: 'Harborview lost almost 4,000 manufacturing jobs at its steel mills in 2019.', paraphrases: [], entities: [] },
  ]);
  const marked = (text: string) => matcher.match(text).map((a) => a.claimId);

  it('marks a sentence that states the claim with its number, rounded or not', () => {
    expect(marked('Harborview lost almost 4,000 manufacturing jobs at its steel mills in 2019, the union said.')).toEqual(['mill-jobs']);
    expect(marked('Harborview lost about 3,800 manufacturing jobs at its steel mills, the union said.')).toEqual(['mill-jobs']);
    expect(marked('Harborview lost manufacturing jobs at its steel mills, the union said.')).toEqual(['mill-jobs']);
  });

  it('stays silent on the same words with a quantity far from the claim, and ignores a different year', () => {
    expect(marked('Harborview lost 50,000 manufacturing jobs at its steel mills, the union said.')).toEqual([]);
    expect(marked('Harborview lost nine hundred manufacturing jobs at its steel mills, the union said.')).toEqual([]);
    expect(marked('On May 3, Harborview lost almost 4,000 manufacturing jobs at its steel mills in 2021.')).toEqual(['mill-jobs']);
  });
});
