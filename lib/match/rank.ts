/**
 * Generous retrieval for evaluation: BM25 over the claims.
 *
 * Each claim (all its wordings together) is one document. Field notes on
 * the CheckThat! tasks show plain BM25 to be a strong base for claim
 * retrieval; common news words are damped as in weights.ts. There is no
 * decision threshold here: rank() orders, match() decides.
 */
import { isCommonTerm } from './terms';
import { COMMON_TERM_FACTOR } from './weights';

/** BM25 saturation and length normalisation, the usual defaults. */
const K1 = 1.2;
const B = 0.75;

/** A BM25 index over claim documents. */
export interface Ranker {
  /** The k best claims (by index) for the query terms, best first; claims sharing no term are left out. */
  top(queryTerms: string[], k: number): { claim: number; score: number }[];
}

/** Builds a BM25 index from each claim's terms (with repeats, which count as term frequency). */
export function createRanker(claimTerms: string[][]): Ranker {
  const postings = new Map<string, { claim: number; tf: number }[]>();
  const lengths = claimTerms.map((terms) => terms.length);
  const n = claimTerms.length;
  const avgdl = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n) || 1;
  claimTerms.forEach((terms, claim) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, count] of tf) {
      const list = postings.get(term);
      if (list) list.push({ claim, tf: count });
      else postings.set(term, [{ claim, tf: count }]);
    }
  });
  return {
    top(queryTerms, k) {
      const scores = new Map<number, number>();
      for (const term of new Set(queryTerms)) {
        const list = postings.get(term);
        if (!list) continue;
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)) * (isCommonTerm(term) ? COMMON_TERM_FACTOR : 1);
        for (const { claim, tf } of list) {
          const norm = tf + K1 * (1 - B + (B * lengths[claim]!) / avgdl);
          scores.set(claim, (scores.get(claim) ?? 0) + (idf * tf * (K1 + 1)) / norm);
        }
      }
      return [...scores]
        .map(([claim, score]) => ({ claim, score }))
        .sort((a, b) => b.score - a.score || a.claim - b.claim)
        .slice(0, Math.max(0, k));
    },
  };
}
