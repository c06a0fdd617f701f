/**
 * Exact scoring of one (sentence, wording) pair that the probe walk let
 * through, and the decision on it.
 *
 * Shared terms are summed in the sentence's term order, as a walk over
 * every posting would add them, so coverage is the same to the last bit
 * whichever path found the pair; focus sums in the wording's order, as
 * focus.ts's focusOf does.
 */
import { COMMON_FLAG, ENTITY_FLAG, coverageWeight, type Compiled } from './compiled-claims';
import { decide, type Candidate, type DecisionRules } from './decide';
import { NAME_WORDS_COUNTED, NO_GROUP } from './name-runs';
import { quantitiesClash } from './quantities';
import type { SentenceTerms } from './sentence-terms';

/** A wording that passed the decision for a sentence. */
export interface Passing {
  wi: number;
  coverage: number;
  focus: number;
  /** Ordinal (in the sentence's term order) of the first term it shares with the sentence. */
  first: number;
}

/** Reusable buffers for the shared terms of one wording (ordinal, and position in wordingTerms). */
export interface ScoreScratch {
  ords: Int32Array;
  positions: Int32Array;
}

/**
 * True when the i-th shared term belongs to a multi-word name of which
 * earlier shared terms already counted as often as a name may
 * (name-runs.ts): "Prime Minister Benjamin Netanyahu" counts as two
 * informative terms, not four.
 */
function nameCounted(c: Compiled, positions: Int32Array, i: number): boolean {
  const group = c.termGroup[positions[i]!]!;
  if (group === NO_GROUP) return false;
  let counted = 0;
  for (let j = 0; j < i; j++) {
    const p = positions[j]!;
    if (c.termGroup[p] === group && (c.termFlags[c.wordingTerms[p]!]! & COMMON_FLAG) === 0) counted++;
  }
  return counted >= NAME_WORDS_COUNTED;
}

/** Buffers for wordings of up to `size` terms (grown on demand). */
export function scoreScratch(size = 64): ScoreScratch {
  return { ords: new Int32Array(size), positions: new Int32Array(size) };
}

/** Total sentence weight (focus.ts sentenceWeight) of the current sentence's terms, in its term order. */
export function sentenceTotal(c: Compiled, s: SentenceTerms): number {
  const weights = c.table.sentenceWeights;
  let total = 0;
  for (let o = 0; o < s.count; o++) total += weights[s.ids[o]!]!;
  return total;
}

/**
 * Relative slack of mayCover's bound: far above the rounding of sums of a
 * wording's few terms (about n · 2⁻⁵³ for n terms) and of the division and
 * product around them, far below any difference the threshold could mean.
 */
const BOUND_SLACK = 1e-9;

/**
 * False when a wording cannot reach coverage `threshold`, judged on
 * `shared`, the full weight of the terms it shares with the sentence.
 * Coverage sums each shared term's coverage weight, which is its full
 * weight or 0 (coverageWeight), over the same `wordingTotal`, so it is
 * never above shared / wordingTotal in exact arithmetic; the two sums run
 * in different orders, so their rounding may differ by a few units in the
 * last place, and BOUND_SLACK keeps the bound on the safe side of that.
 */
function mayCover(shared: number, wordingTotal: number, threshold: number): boolean {
  return !(shared < threshold * wordingTotal * (1 - BOUND_SLACK)); // a NaN bound rejects nothing
}

/** True when the sentence shares a term that the wording negates (negation.ts). */
function sharesNegated(negated: readonly number[], s: SentenceTerms): boolean {
  for (const id of negated) if (s.has(id)) return true;
  return false;
}

/**
 * Scores wording `wi` against the current sentence of `s` (whose total
 * weight is `total`, from sentenceTotal) and applies the decision: the
 * passing wording, or null. `sentenceQuantities` gives the sentence's
 * quantities (quantities.ts); it is asked only for wordings that state some.
 * `sentenceNegates` says whether the sentence holds a negation word
 * (negation.ts); it is asked only for wordings that negate a shared term.
 * `reversesRoles` says whether the sentence swaps the parties of some of
 * wording `wi`'s role orders (role-order.ts); it is asked only for a
 * wording that passes every other test.
 */
export function scoreWording(
  c: Compiled,
  rules: DecisionRules,
  wi: number,
  s: SentenceTerms,
  total: number,
  scratch: ScoreScratch,
  sentenceQuantities: () => readonly number[] = () => [],
  sentenceNegates: () => boolean = () => false,
  reversesRoles: (wi: number) => boolean = () => false,
): Passing | null {
  const start = c.wordingStart[wi]!;
  const end = c.wordingStart[wi + 1]!;
  if (scratch.ords.length < end - start) {
    scratch.ords = new Int32Array(end - start);
    scratch.positions = new Int32Array(end - start);
  }
  // Most candidates fail, so first a cheap, sound test: the shared terms'
  // full weight, which focus needs anyway, bounds coverage (see mayCover).
  let focusShared = 0;
  for (let j = start; j < end; j++) {
    const id = c.wordingTerms[j]!;
    if (s.has(id)) focusShared += c.termWeight[id]!;
  }
  if (!mayCover(focusShared, c.wordingTotal[wi]!, rules.threshold)) return null;

  const { ords, positions } = scratch;
  // The shared terms, insertion-sorted by their ordinal in the sentence (wordings are short).
  let k = 0;
  for (let j = start; j < end; j++) {
    const id = c.wordingTerms[j]!;
    if (!s.has(id)) continue;
    const ord = s.ordinal(id);
    let i = k++;
    for (; i > 0 && ords[i - 1]! > ord; i--) {
      ords[i] = ords[i - 1]!;
      positions[i] = positions[i - 1]!;
    }
    ords[i] = ord;
    positions[i] = j;
  }
  const claim = c.wordingClaim[wi]!;
  let weight = 0;
  let matched = 0;
  let content = 0;
  for (let i = 0; i < k; i++) {
    const id = c.wordingTerms[positions[i]!]!;
    weight += coverageWeight(c, claim, id);
    // Common news words add coverage but never count towards the minimum numbers of shared terms.
    const flags = c.termFlags[id]!;
    const entity = (flags & ENTITY_FLAG) !== 0;
    const informative = (entity || (flags & COMMON_FLAG) === 0) && !nameCounted(c, positions, i) ? 1 : 0;
    matched += informative;
    content += informative && !entity ? 1 : 0;
  }
  const wordingTotal = c.wordingTotal[wi]!;
  const coverage = wordingTotal > 0 ? weight / wordingTotal : 0;
  const required = c.required[claim]!;
  let missing = 0;
  for (let i = 0; i < required.length; i++) if (!s.has(required[i]!)) missing++;
  // focus.ts focusOf: key entities count here with their full weight.
  const focus = total <= 0 ? 0 : Math.min(1, focusShared / total);
  const candidate: Candidate = {
    coverage,
    matchedTerms: matched,
    matchedContentTerms: content,
    missingEntities: missing,
    requiredEntities: required.length,
    focus,
    quantitiesClash: c.wordingQuantities[wi]!.length > 0 && quantitiesClash(sentenceQuantities(), c.wordingQuantities[wi]!),
    negationClash: sharesNegated(c.wordingNegated[wi]!, s) && !sentenceNegates(),
  };
  if (!decide(candidate, rules)) return null;
  // Role order is asked last, only of the few wordings that would be marked (see matcher.ts).
  candidate.roleReversal = reversesRoles(wi);
  if (candidate.roleReversal) return null;
  return { wi, coverage, focus, first: k > 0 ? ords[0]! : 0 };
}
