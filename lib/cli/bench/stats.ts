/**
 * Statistics of the benchmark: medians of timed runs, MAP@k of rankings,
 * and a high-resolution clock.
 *
 * Medians, not means: one garbage collection or scheduler hiccup in a run
 * would drag a mean, and the bench runs on a shared two-core machine.
 * MAP@k follows the CheckThat! scorer (see lib/cli/eval/metrics.ts, which
 * the evaluation uses); it is repeated here so that the bench has no
 * dependency on the evaluation's moving parts and is tested on its own.
 */

/** Median of `values`; NaN for an empty list. The input is not modified. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * The q-quantile (0…1) with linear interpolation between closest ranks
 * (q = 0.5 is the median, q = 0.95 the 95th percentile); NaN when empty.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Sum of `values`. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

// MAP@k has one definition in the project, the eval's (official CheckThat! form).
export { averagePrecisionAtK, meanAveragePrecisionAtK } from '../eval/metrics';

/** Milliseconds since an arbitrary origin, from process.hrtime.bigint (nanosecond clock). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `fn` once and returns its result with the elapsed milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
