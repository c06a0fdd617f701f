/**
 * Focus: how much of a sentence a claim wording accounts for.
 *
 * Coverage asks whether the sentence says most of the claim; focus asks the
 * converse, whether the claim is most of what the sentence says. A long
 * sentence about something else can share four or five words with a short
 * claim ("river", "flooded", "new bridge") and cover it well,
 * yet those words are a small part of its own weight. Measured on the
 * CheckThat! training pairs, sentences that carry their claim rarely fall
 * below a third; sentences that only touch a claim's topic mostly do.
 *
 * Both sides use the same IDF weights as coverage. A sentence word that no
 * claim holds is weighted as if one claim held it (the rarest known term):
 * the pack knows nothing about it, and an unknown word is more likely a
 * distinctive one than a common one.
 */
import { isCommonTerm } from './terms';
import { COMMON_TERM_FACTOR, type TermWeights } from './weights';

/** The weight of any sentence term, including terms that no claim holds. */
export function sentenceTermWeight(term: string, weights: TermWeights): number {
  if (weights.df(term) > 0) return weights.weight(term);
  return Math.log(1 + weights.claimCount) * (isCommonTerm(term) ? COMMON_TERM_FACTOR : 1);
}

/** Total weight of a sentence's distinct terms. */
export function sentenceWeight(terms: Iterable<string>, weights: TermWeights): number {
  let total = 0;
  for (const term of terms) total += sentenceTermWeight(term, weights);
  return total;
}

/**
 * Focus of a wording on a sentence, 0…1: the weight of the terms they share
 * over the sentence's total weight (`total`, from sentenceWeight). Key
 * entities count here with their full weight: naming the claim's subject is
 * part of saying the claim.
 */
export function focusOf(wordingTerms: readonly string[], sentenceTerms: { has(term: string): boolean }, weights: TermWeights, total: number): number {
  if (total <= 0) return 0;
  let shared = 0;
  for (const term of wordingTerms) if (sentenceTerms.has(term)) shared += weights.weight(term);
  return Math.min(1, shared / total);
}
