/**
 * Term proximity: a text that says "apology tour" is closer to a claim
 * about an "apology tour" than to one that says "apology" in one place and
 * "tour" in another. BM25 scores words one by one and cannot tell the two
 * apart; this module gives the pairs of nearby terms that a text and a
 * claim share, in the manner of Metzler & Croft's sequential dependence
 * model ("A Markov Random Field Model for Term Dependencies", SIGIR 2005):
 * ordered pairs of adjacent terms ("bigrams"), and unordered pairs within a
 * small span of positions.
 *
 * Terms are ranking terms (analyze.ts rankTerms): stop words are already
 * gone, so "cut taxes for the rich" has the bigrams "cut tax" and
 * "tax rich".
 */

/** The pairs of one term sequence, as keys. */
export interface TermPairs {
  /** Adjacent terms in order: "a b". */
  ordered: Set<string>;
  /** Terms at most `maxGap` positions apart, in either order: "a|b" with a < b. */
  unordered: Set<string>;
}

const orderedKey = (a: string, b: string): string => `${a} ${b}`;
const unorderedKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Adds the pairs of `terms` to `into` (or a new TermPairs). A term paired with
 * itself is skipped: a repeated word is not evidence of a phrase.
 */
export function termPairs(terms: readonly string[], maxGap: number, into: TermPairs = { ordered: new Set(), unordered: new Set() }): TermPairs {
  for (let i = 0; i < terms.length; i++) {
    const a = terms[i]!;
    for (let j = i + 1; j < terms.length && j - i <= maxGap; j++) {
      const b = terms[j]!;
      if (a === b) continue;
      if (j === i + 1) into.ordered.add(orderedKey(a, b));
      into.unordered.add(unorderedKey(a, b));
    }
  }
  return into;
}

/** One pair of the query with its weight. */
interface QueryPair {
  key: string;
  weight: number;
}

/** A query's pairs, weighted, ready to be checked against claims. */
export interface QueryPairs {
  ordered: QueryPair[];
  unordered: QueryPair[];
  /** Sum of the weights of all ordered pairs; 0 when the query has fewer than two terms. */
  orderedTotal: number;
  unorderedTotal: number;
}

/**
 * The pairs of a query. A pair weighs the smaller idf of its two terms: a
 * pair is as rare as its rarer word at most, and a common word next to a
 * rare one should not count as much as two rare words together.
 */
export function queryPairs(terms: readonly string[], maxGap: number, idf: (term: string) => number): QueryPairs {
  const pairs = termPairs(terms, maxGap);
  const weigh = (keys: Set<string>, split: string): QueryPair[] =>
    [...keys].map((key) => {
      const [a, b] = key.split(split) as [string, string];
      return { key, weight: Math.min(idf(a), idf(b)) };
    }).filter((p) => p.weight > 0);
  const ordered = weigh(pairs.ordered, ' ');
  const unordered = weigh(pairs.unordered, '|');
  const sum = (ps: QueryPair[]) => ps.reduce((s, p) => s + p.weight, 0);
  return { ordered, unordered, orderedTotal: sum(ordered), unorderedTotal: sum(unordered) };
}

/**
 * The summed weights of the query's ordered and unordered pairs that the
 * claim's pairs hold.
 */
export function sharedPairs(query: QueryPairs, claim: TermPairs): { ordered: number; unordered: number } {
  let ordered = 0;
  for (const p of query.ordered) if (claim.ordered.has(p.key)) ordered += p.weight;
  let unordered = 0;
  for (const p of query.unordered) if (claim.unordered.has(p.key)) unordered += p.weight;
  return { ordered, unordered };
}
