/**
 * The decision step on benchmark text: which query sentences (2B debate
 * sentences, 2A tweets) the matcher would highlight, and whether the claim
 * it would show is a gold one. Retrieval asks "is the right claim near the
 * top?"; this asks "when Claimlens is sure, is it right?".
 */
import type { Matcher } from '../../match/matcher';
import type { Query } from './checkthat';

/** How the decision fared on a split. */
export interface DecisionResult {
  queries: number;
  /** Queries with at least one annotation. */
  marked: number;
  /** Annotations whose claim is gold for their query. */
  right: number;
  /** Annotations whose claim is not gold (some are re-checks of the same claim under another id). */
  wrong: number;
}

/** Matches each query's text and counts annotations with and without a gold claim. */
export function evaluateDecision(matcher: Pick<Matcher, 'match'>, queries: readonly Query[]): DecisionResult {
  const result: DecisionResult = { queries: queries.length, marked: 0, right: 0, wrong: 0 };
  for (const q of queries) {
    const claims = new Set(matcher.match(q.text).map((a) => a.claimId));
    if (claims.size > 0) result.marked++;
    for (const id of claims) {
      if (q.relevant.includes(id)) result.right++;
      else result.wrong++;
    }
  }
  return result;
}
