import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, decide, type Candidate } from '../../lib/match/decide';

/** A candidate that passes the default rules with room to spare. */
const strong: Candidate = { coverage: 0.9, matchedTerms: 6, matchedContentTerms: 4, missingEntities: 0, requiredEntities: 2 };

describe('decide', () => {
  it('accepts a candidate that passes every rule', () => {
    expect(decide(strong)).toBe(true);
  });

  it('rejects coverage below the threshold and accepts it at the threshold', () => {
    expect(decide({ ...strong, coverage: DEFAULT_RULES.threshold - 0.01 })).toBe(false);
    expect(decide({ ...strong, coverage: DEFAULT_RULES.threshold })).toBe(true);
  });

  it('rejects a candidate that misses any key entity, however high its coverage', () => {
    expect(decide({ ...strong, coverage: 1, missingEntities: 1 })).toBe(false);
  });

  it('rejects too few shared terms, even at full coverage of a short wording', () => {
    expect(decide({ ...strong, coverage: 1, matchedTerms: DEFAULT_RULES.minMatchedTerms - 1 })).toBe(false);
    expect(decide({ ...strong, coverage: 1, matchedContentTerms: DEFAULT_RULES.minContentTerms - 1 })).toBe(false);
  });

  it('asks more distinctive words of a claim without key entities', () => {
    const entityless = { ...strong, requiredEntities: 0, matchedContentTerms: DEFAULT_RULES.minContentTerms };
    expect(DEFAULT_RULES.minContentTermsWithoutEntities).toBeGreaterThan(DEFAULT_RULES.minContentTerms);
    expect(decide(entityless)).toBe(false);
    expect(decide({ ...entityless, matchedContentTerms: DEFAULT_RULES.minContentTermsWithoutEntities })).toBe(true);
  });

  it('rejects a sentence that affirms what the claim negates, however strong', () => {
    expect(decide({ ...strong, coverage: 1, negationClash: true })).toBe(false);
    expect(decide({ ...strong, negationClash: false })).toBe(true);
  });

  it('rejects a sentence that swaps the claim\'s two parties, however strong', () => {
    expect(decide({ ...strong, coverage: 1, roleReversal: true })).toBe(false);
    expect(decide({ ...strong, roleReversal: false })).toBe(true);
  });

  it('follows custom rules', () => {
    const loose = { ...DEFAULT_RULES, threshold: 0.3 };
    expect(decide({ ...strong, coverage: 0.4 }, loose)).toBe(true);
    expect(decide({ ...strong, coverage: 0.4 })).toBe(false);
  });
});
