// Focus: the claim must be a fair part of what the sentence says.
import { describe, expect, it } from 'vitest';
import type { MatchableClaim } from '../../lib/claims/runtime-types';
import { DEFAULT_RULES, decide, type Candidate } from '../../lib/match/decide';
import { focusOf, sentenceTermWeight, sentenceWeight } from '../../lib/match/focus';
import { createMatcher } from '../../lib/match/matcher';
import { computeWeights } from '../../lib/match/weights';

describe('focusOf', () => {
  const weights = computeWeights([['dam', 'burst'], ['tax', 'cut'], ['tax', 'wage']]);

  it('weighs sentence words no claim holds as the rarest known term', () => {
    expect(sentenceTermWeight('zebra', weights)).toBeCloseTo(Math.log(1 + 3), 12);
    expect(sentenceTermWeight('dam', weights)).toBe(weights.weight('dam'));
    expect(sentenceTermWeight('tax', weights)).toBeLessThan(sentenceTermWeight('dam', weights));
  });

  it('is the shared weight over the sentence weight', () => {
    const sentence = new Set(['dam', 'burst', 'zebra']);
    const total = sentenceWeight(sentence, weights);
    const expected = (weights.weight('dam') + weights.weight('burst')) / total;
    expect(focusOf(['dam', 'burst'], sentence, weights, total)).toBeCloseTo(expected, 12);
    expect(focusOf(['dam', 'burst'], new Set(['dam', 'burst']), weights, sentenceWeight(['dam', 'burst'], weights))).toBe(1);
    expect(focusOf(['dam'], sentence, weights, 0)).toBe(0);
  });
});

describe('decide with focus', () => {
  const strong: Candidate = { coverage: 0.9, matchedTerms: 6, matchedContentTerms: 4, missingEntities: 0, requiredEntities: 2 };

  it('rejects a candidate below the minimum focus and accepts one at it', () => {
    expect(decide({ ...strong, focus: DEFAULT_RULES.minFocus - 0.01 })).toBe(false);
    expect(decide({ ...strong, focus: DEFAULT_RULES.minFocus })).toBe(true);
  });

  it('does not check focus when it is not known', () => {
    expect(decide(strong)).toBe(true);
  });
});

describe('matching with focus', () => {
  const claims: MatchableClaim[] = [
    { id: 'bridge', text: 'The new harbour bridge closed for repairs after only nine days.', paraphrases: [], entities: [] },
    { id: 'other', text: 'Farmers in the north planted fewer acres of wheat.', paraphrases: [], entities: [] },
  ];
  const matcher = createMatcher(claims);

  it('annotates a sentence that says the claim, and reports its focus', () => {
    const [a] = matcher.match('Critics say the new harbour bridge closed for repairs after only nine days.');
    expect(a?.claimId).toBe('bridge');
    expect(a!.evidence.focus).toBeGreaterThanOrEqual(DEFAULT_RULES.minFocus);
  });

  it('does not annotate a long sentence about something else that happens to use the claim’s words', () => {
    const text =
      'When the council met about rural broadband, pipeline permits, coastal erosion, school lunches and the ' +
      'harbour bridge, one member joked that repairs closed her new kitchen for nine days.';
    expect(matcher.match(text)).toEqual([]);
    expect(createMatcher(claims, { rules: { minFocus: 0 } }).match(text).map((a) => a.claimId)).toEqual(['bridge']);
  });
});
