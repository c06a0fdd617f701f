/**
 * Term weights for coverage: IDF (how rare a term is among the claims),
 * damped for common news words.
 *
 * The claims are the documents (all wordings of a claim count as one
 * unit), so a term that most claims share (say "Russia" in a pack
 * about Russia) tells claims apart poorly and weighs little. A pack of ten
 * claims cannot know that "said" or "officials" fill every news page, so
 * those words (terms.ts) are damped on top.
 */
import { isCommonTerm } from './terms';

/** Multiplier for common news words and years: present, but weak, evidence. */
export const COMMON_TERM_FACTOR = 0.3;

/** Weight lookup built from the claims' term sets. */
export interface TermWeights {
  /** Weight of a term (> 0 for any term of the claims, 0 for unknown terms). */
  weight(term: string): number;
  /** Number of claims that contain the term. */
  df(term: string): number;
  /** Number of claims. */
  readonly claimCount: number;
}

/**
 * Computes weights from one term set per claim:
 * w(t) = ln(1 + N / df(t)), times COMMON_TERM_FACTOR for common terms.
 * The smoothed form stays positive even when every claim holds the term.
 */
export function computeWeights(claimTermSets: Iterable<Iterable<string>>): TermWeights {
  const df = new Map<string, number>();
  let n = 0;
  for (const set of claimTermSets) {
    n++;
    for (const term of new Set(set)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [term, count] of df) {
    weights.set(term, Math.log(1 + n / count) * (isCommonTerm(term) ? COMMON_TERM_FACTOR : 1));
  }
  return {
    weight: (term) => weights.get(term) ?? 0,
    df: (term) => df.get(term) ?? 0,
    claimCount: n,
  };
}
