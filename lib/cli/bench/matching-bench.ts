/**
 * Per-page matching time, side by side, and retrieval quality beside it.
 *
 * All matchers of one pool are timed in the same loop: for every page, each
 * matcher in turn (starting with a different one on each page), so that
 * background load on the machine falls on all of them alike. Each matcher
 * first makes an untimed warm-up pass over a sample of pages (JIT, caches);
 * the timed passes then give a median per page. A matcher whose pass is
 * slow (the peers at 100k claims) gets fewer passes, or a sample of the
 * pages, so the whole bench stays within its ten minutes; the table says
 * what it got, and ratios compare matchers on the same pages.
 */
import type { MatchableClaim } from '../../claims/runtime-types';
import { tokenize } from '../../match/tokenize';
import type { BenchPage, BenchQuery, ClaimPool } from './corpus';
import type { BenchMatcher, MatcherKind } from './peers';
import { meanAveragePrecisionAtK, median, quantile, sum, timed } from './stats';

/** Name of the tokenize-only pass, the floor under any matcher that reads every word. */
export const FLOOR_NAME = 'tokenize only (floor)';

/** Options of {@link benchPool}. */
export interface MatchingOptions {
  /** Timed passes over all pages per matcher (at most). */
  runs: number;
  /**
   * Seconds of timed passes a matcher may take. A slower matcher gets fewer
   * passes (at least one); one too slow for a single pass is timed on an
   * evenly spaced sample of the pages, and compared on that sample only.
   */
  secondsPerMatcher: number;
  log?: (line: string) => void;
}

/** One matcher's timing on one pool. */
export interface MatcherTiming {
  name: string;
  /** Time to build the matcher from the claims, ms. */
  buildMs: number;
  /** Median time of each page, ms, in page order; NaN for pages it was not timed on. */
  pageMs: number[];
  /** Median over the timed pages of the per-page medians, ms. */
  medianPageMs: number;
  /** 95th percentile over the timed pages, ms. */
  p95PageMs: number;
  /** Timed passes it got, and on how many pages. */
  runs: number;
  pagesTimed: number;
  /** Annotations over the timed pages, and on the seed page (first page). */
  annotations: number;
  seedAnnotations: number;
}

/** The timings of every matcher on one pool, the floor included. */
export interface PoolTiming {
  size: number;
  synthetic: number;
  floor: MatcherTiming;
  matchers: MatcherTiming[];
}

interface Entry {
  name: string;
  matcher: BenchMatcher;
  buildMs: number;
  /** Indices of the pages it is timed on. */
  pages: Set<number>;
  runs: number;
  times: number[][];
  counts: number[];
}

/** The seed and every 16th page: a warm-up that touches small and large pages alike. */
function warmupPages(pages: readonly BenchPage[]): number[] {
  return pages.map((_, i) => i).filter((i) => i % 16 === 0);
}

function chars(pages: readonly BenchPage[], indices: readonly number[]): number {
  return Math.max(1, sum(indices.map((i) => pages[i]!.text.length)));
}

/** Warms `e` up and decides how many passes, on which pages, fit in its time budget. */
function plan(e: Entry, pages: readonly BenchPage[], opts: MatchingOptions): void {
  const warm = warmupPages(pages);
  const { ms } = timed(() => warm.forEach((i) => e.matcher.annotate(pages[i]!.text)));
  const all = pages.map((_, i) => i);
  const estimate = (ms * chars(pages, all)) / chars(pages, warm);
  const budget = opts.secondsPerMatcher * 1000;
  e.runs = Math.max(1, Math.min(opts.runs, Math.floor(budget / Math.max(1, estimate))));
  const stride = Math.max(1, Math.ceil(estimate / budget));
  e.pages = new Set(all.filter((i) => i % stride === 0));
}

/** Median of `values` at `indices`, skipping NaN. */
export function medianAt(values: readonly number[], indices: readonly number[]): number {
  return median(indices.map((i) => values[i]!).filter((v) => !Number.isNaN(v)));
}

/** Times every matcher kind (and the floor) on every page, with `pool`'s claims. */
export function benchPool(pages: readonly BenchPage[], pool: ClaimPool, kinds: readonly MatcherKind[], opts: MatchingOptions): PoolTiming {
  const log = opts.log ?? (() => undefined);
  const floor: BenchMatcher = { annotate: (text) => tokenize(text).length, rank: () => [] };
  const built = [
    { name: FLOOR_NAME, matcher: floor, buildMs: 0 },
    ...kinds.map((kind) => {
      const { value, ms } = timed(() => kind.build(pool.claims));
      return { name: kind.name, matcher: value, buildMs: ms };
    }),
  ];
  const entries: Entry[] = built.map((b) => ({ ...b, pages: new Set<number>(), runs: 0, times: pages.map(() => []), counts: pages.map(() => 0) }));
  for (const e of entries) {
    plan(e, pages, opts);
    log(`  ${pool.size} claims: ${e.name} built in ${e.buildMs.toFixed(0)} ms; ${e.runs} pass(es) over ${e.pages.size} pages`);
  }
  for (let run = 0; run < opts.runs; run++) {
    const active = entries.filter((e) => e.runs > run);
    pages.forEach((page, pi) => {
      // Rotate the order page by page, so no matcher always runs first after a switch.
      for (let j = 0; j < active.length; j++) {
        const e = active[(pi + j) % active.length]!;
        if (!e.pages.has(pi)) continue;
        const { value, ms } = timed(() => e.matcher.annotate(page.text));
        e.times[pi]!.push(ms);
        e.counts[pi] = value;
      }
    });
  }
  const timings = entries.map((e): MatcherTiming => {
    const pageMs = e.times.map((t) => (t.length > 0 ? median(t) : NaN));
    const timedMs = pageMs.filter((v) => !Number.isNaN(v));
    return {
      name: e.name,
      buildMs: e.buildMs,
      pageMs,
      medianPageMs: median(timedMs),
      p95PageMs: quantile(timedMs, 0.95),
      runs: e.runs,
      pagesTimed: e.pages.size,
      annotations: sum(e.counts),
      seedAnnotations: e.counts[0] ?? 0,
    };
  });
  return { size: pool.size, synthetic: pool.synthetic, floor: timings[0]!, matchers: timings.slice(1) };
}

/** A matcher's retrieval quality. */
export interface Quality {
  name: string;
  map5: number;
  /** Median time of one query, ms. */
  queryMs: number;
}

/** MAP@5 of each kind on `queries`, over `claims` (the 2A pool). */
export function benchQuality(kinds: readonly MatcherKind[], claims: readonly MatchableClaim[], queries: readonly BenchQuery[]): Quality[] {
  return kinds.map((kind) => {
    const matcher = kind.build(claims);
    const times: number[] = [];
    const runs = queries.map((q) => {
      const { value, ms } = timed(() => matcher.rank(q.text, 5));
      times.push(ms);
      return { ranked: value, relevant: q.relevant };
    });
    return { name: kind.name, map5: meanAveragePrecisionAtK(runs, 5), queryMs: median(times) };
  });
}
