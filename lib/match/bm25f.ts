/**
 * BM25F: BM25 over documents made of several fields of unequal worth.
 *
 * A claim is one retrieval unit whose fields are its wordings (the claim and its
 * paraphrases), the fact-check's title and its summary. Each field's term
 * frequency is length-normalised within that field and weighted before the
 * one saturation, so a word that appears in the claim and in the title
 * counts more than one in the title alone, without either field swamping
 * the other by length (Robertson & Zaragoza, "The Probabilistic Relevance
 * Framework: BM25 and Beyond", 2009, §3.5).
 */

/** Weight and length normalisation of one field. */
export interface FieldSpec {
  weight: number;
  /** BM25 b: 0 ignores the field's length, 1 normalises fully. */
  b: number;
}

/** A BM25F index over a fixed set of documents. */
export interface Bm25f {
  /** Number of documents. */
  readonly size: number;
  /** Lucene's BM25 idf, ln(1 + (N − df + 0.5) / (df + 0.5)); 0 for terms no claim holds. */
  idf(term: string): number;
  /** Scores every claim that shares a term with the query; `weights` scales each query term (default 1). */
  score(queryTerms: Iterable<string>, weights?: ReadonlyMap<string, number>): Map<number, number>;
  /** The claim's terms with their weighted, length-normalised frequencies (the same numbers score() saturates). */
  documentTerms(doc: number): ReadonlyMap<string, number>;
}

/** BM25 saturation: how fast extra occurrences stop counting (the default of createBm25f). */
export const K1 = 1.2;

/**
 * Builds the index. `docs[d][f]` is the list of terms (with repeats) of
 * field f of claim d; `fields[f]` says how that field counts; `k1` is the saturation.
 */
export function createBm25f(docs: readonly (readonly (readonly string[])[])[], fields: readonly FieldSpec[], k1 = K1): Bm25f {
  const n = docs.length;
  const avg = fields.map((_, f) => docs.reduce((sum, d) => sum + (d[f]?.length ?? 0), 0) / Math.max(1, n) || 1);
  const df = new Map<string, number>();
  const docTerms: Map<string, number>[] = docs.map((doc) => {
    const tf = new Map<string, number>();
    fields.forEach((spec, f) => {
      const terms = doc[f] ?? [];
      if (terms.length === 0 || spec.weight === 0) return;
      const norm = spec.weight / (1 - spec.b + (spec.b * terms.length) / avg[f]!);
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + norm);
    });
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  const postings = new Map<string, { doc: number; tf: number }[]>();
  docTerms.forEach((tf, doc) => {
    for (const [t, w] of tf) {
      const list = postings.get(t);
      if (list) list.push({ doc, tf: w });
      else postings.set(t, [{ doc, tf: w }]);
    }
  });
  const idf = (term: string): number => {
    const d = df.get(term) ?? 0;
    return d === 0 ? 0 : Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  return {
    size: n,
    idf,
    documentTerms: (doc) => docTerms[doc] ?? new Map(),
    score(queryTerms, weights) {
      const scores = new Map<number, number>();
      for (const term of new Set(queryTerms)) {
        const list = postings.get(term);
        if (!list) continue;
        const w = idf(term) * (weights?.get(term) ?? 1);
        for (const { doc, tf } of list) scores.set(doc, (scores.get(doc) ?? 0) + (w * tf * (k1 + 1)) / (tf + k1));
      }
      return scores;
    },
  };
}
