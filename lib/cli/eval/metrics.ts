/**
 * MAP@k as the CheckThat! scorer defines it: for each query, the precision
 * at every rank (up to k) that holds a relevant claim, summed and divided by
 * the number of relevant claims (all of them, not just those within k);
 * then the mean over every query that has gold. A query whose relevant
 * claims are all missed scores 0.
 */

/** Average precision of one ranking cut at k. */
export function averagePrecisionAtK(ranked: readonly string[], relevant: readonly string[], k: number): number {
  if (relevant.length === 0) return 0;
  const gold = new Set(relevant);
  const seen = new Set<string>();
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    // A ranking that repeats an id gets credit for it once.
    if (!gold.has(id) || seen.has(id)) return;
    seen.add(id);
    hits++;
    sum += hits / (i + 1);
  });
  return sum / gold.size;
}

/** Mean of averagePrecisionAtK over queries; each item is one query's ranking and gold. */
export function meanAveragePrecisionAtK(runs: readonly { ranked: readonly string[]; relevant: readonly string[] }[], k: number): number {
  const scored = runs.filter((r) => r.relevant.length > 0);
  if (scored.length === 0) return 0;
  return scored.reduce((sum, r) => sum + averagePrecisionAtK(r.ranked, r.relevant, k), 0) / scored.length;
}
