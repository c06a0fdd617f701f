/**
 * The sensitivity presets the options page offers, as matcher options.
 * `precise` is the matcher's own default (precision first: a wrong highlight
 * is worse than a missing one). `thorough` accepts a lower share of a
 * claim's key terms and one fewer shared term, so it finds looser
 * paraphrases and makes more mistakes. Key entities stay required in both.
 */
import type { MatcherOptions } from '../match/matcher';
import type { Sensitivity } from '../storage/settings';

/** Matcher options for each preset. */
export const SENSITIVITY_OPTIONS: Readonly<Record<Sensitivity, MatcherOptions>> = {
  precise: {},
  thorough: { threshold: 0.45, rules: { minMatchedTerms: 3 } },
};
