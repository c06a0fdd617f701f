/**
 * Which of a wording's terms the matcher's index needs to post: prefix
 * filtering, as in similarity joins (and in spirit uBlock Origin's "index
 * each filter under its rarest token").
 *
 * A sentence annotates a wording only when it covers at least `threshold`
 * of the wording's total weight. Sort the wording's terms from heaviest to
 * lightest and keep the shortest prefix whose remainder weighs less than
 * that: a sentence sharing no prefix term covers at most the remainder, so
 * it can never pass, and need never meet the wording. The prefix holds the
 * rare, heavy terms; the common ones ("said", "president") whose postings
 * are long drop out of the walk. Candidates are then scored on all their
 * terms, so results do not change.
 *
 * The minimal prefix lets one shared rare word make a candidate, and at
 * 100k claims a sentence meets hundreds of those. So the prefix is made
 * longer when it can be: until even its heaviest term plus the remainder
 * falls short. A candidate then needs two probe hits, and the walk's
 * running sum (canReach) drops the one-hit candidates before any exact
 * scoring: twice the postings walked, a hundredth of the candidates scored.
 */

/**
 * Relative safety margin on the bound: coverage is a floating-point sum,
 * and rounding must never make a passing wording look unreachable. The
 * margin only ever makes a prefix longer.
 */
const MARGIN = 1e-9;

/**
 * The probe terms of a wording: `terms` with their coverage `weights`
 * (aligned), `total` their sum, and the decision's coverage `threshold`.
 * With a threshold of 0 or less every term is a probe.
 */
export function probeTerms(terms: readonly string[], weights: readonly number[], total: number, threshold: number): string[] {
  const order = terms.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const bound = (threshold - MARGIN) * total;
  // suffix[i]: the weight of order[i …], summed from the light end for accuracy.
  const suffix = new Array<number>(order.length + 1).fill(0);
  for (let i = order.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + weights[order[i]!]!;
  let p = 0;
  while (p < order.length && !(suffix[p]! < bound)) p++;
  // Two hits needed, where one term alone cannot reach the bound (see above).
  const heaviest = order.length > 0 ? weights[order[0]!]! : 0;
  if (heaviest < bound) while (p < order.length && !(suffix[p]! + heaviest < bound)) p++;
  return order.slice(0, p).map((i) => terms[i]!);
}

/**
 * Slack for the walk's single-precision sums (about 1e-7 relative error per
 * addition, a few dozen additions at most): the bound is lowered by far more
 * than they can drift, so it stays a safe bound.
 */
const FLOAT32_SLACK = 1e-5;

/**
 * The probe weight a sentence must share with a wording (of weight `total`,
 * `rest` of it in non-probe terms) before the wording can reach `threshold`:
 * below it, even sharing every other term falls short. Lowered by the
 * prefix's margin and the float32 slack, so that the walk's running sum can
 * skip exact scoring safely.
 */
export function minProbeWeight(total: number, rest: number, threshold: number): number {
  return (threshold - MARGIN - FLOAT32_SLACK) * total - rest;
}
