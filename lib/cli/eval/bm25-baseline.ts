/**
 * The plain BM25 baseline of the evaluation: what a search box would do
 * with no knowledge of claims. Lower-cased alphanumeric words, English stop
 * words dropped, no stemming; each claim's fields are concatenated into one
 * document; k1 = 1.2, b = 0.75, Lucene's idf ln(1 + (N - df + 0.5) / (df + 0.5)).
 */
import type { MatchableClaim } from '../../claims/runtime-types';
import type { RankContext } from '../../match/rank';
import { STOP_WORDS } from '../../match/terms';

const K1 = 1.2;
const B = 0.75;

/** A ranker: the ids of the k best claims for a query, best first; `context` is for rankers that read it (rank.ts RankContext). */
export interface Retriever {
  rank(query: string, k: number, context?: RankContext): string[];
}

/** Lower-cased words (letters and digits), stop words removed. */
export function plainWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
}

/** All text of a claim, fields concatenated: claim, paraphrases, title, summary. */
export function claimDocument(claim: MatchableClaim): string {
  return [claim.text, ...claim.paraphrases, claim.title ?? '', claim.summary ?? ''].join('\n');
}

/** Builds the plain BM25 retriever over `claims`. */
export function createPlainBm25(claims: readonly MatchableClaim[]): Retriever {
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths: number[] = [];
  claims.forEach((claim, doc) => {
    const words = plainWords(claimDocument(claim));
    lengths.push(words.length);
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, count] of tf) {
      const list = postings.get(w);
      if (list) list.push({ doc, tf: count });
      else postings.set(w, [{ doc, tf: count }]);
    }
  });
  const n = claims.length;
  const avgdl = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n) || 1;
  const scores = new Float64Array(n);
  return {
    rank(query, k) {
      scores.fill(0);
      const touched: number[] = [];
      // Query words count with their frequency, as in Lucene's default query parser.
      for (const w of plainWords(query)) {
        const list = postings.get(w);
        if (!list) continue;
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) {
          if (scores[doc] === 0) touched.push(doc);
          scores[doc] = scores[doc]! + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]!) / avgdl));
        }
      }
      return touched
        .sort((a, b) => scores[b]! - scores[a]! || a - b)
        .slice(0, k)
        .map((doc) => claims[doc]!.id);
    },
  };
}
