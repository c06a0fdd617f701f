// The bench's statistics and trace reading: small pure functions whose
// mistakes would silently skew every figure of `npm run bench`.
import { describe, expect, it } from 'vitest';
import { averagePrecisionAtK, meanAveragePrecisionAtK, median, quantile, timed } from '../../lib/cli/bench/stats';
import { summarizeTrace, unionLength, type TraceEvent } from '../../lib/cli/bench/trace';

describe('median and quantile', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('is NaN for no values and leaves its input alone', () => {
    expect(median([])).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('interpolates between closest ranks', () => {
    expect(quantile([0, 10, 20, 30, 40], 0.95)).toBeCloseTo(38);
    expect(quantile([1, 2], 0)).toBe(1);
    expect(quantile([1, 2], 1)).toBe(2);
  });
});

describe('MAP@k (CheckThat! scorer)', () => {
  it('sums precision at each relevant rank up to k, over the number of relevant ids', () => {
    expect(averagePrecisionAtK(['a', 'x', 'b'], ['a', 'b'], 5)).toBeCloseTo((1 / 1 + 2 / 3) / 2);
    expect(averagePrecisionAtK(['x', 'a'], ['a'], 5)).toBeCloseTo(1 / 2);
  });

  it('ignores hits beyond k and counts missed relevant ids in the denominator', () => {
    expect(averagePrecisionAtK(['x', 'y', 'a'], ['a'], 2)).toBe(0);
    expect(averagePrecisionAtK(['a'], ['a', 'b'], 5)).toBeCloseTo(0.5);
  });

  it('credits a repeated id once', () => {
    expect(averagePrecisionAtK(['a', 'a', 'b'], ['a', 'b'], 5)).toBeCloseTo((1 + 2 / 3) / 2);
  });

  it('averages over the queries that have gold only', () => {
    const runs = [
      { ranked: ['a'], relevant: ['a'] },
      { ranked: ['x', 'b'], relevant: ['b'] },
      { ranked: ['c'], relevant: [] },
    ];
    expect(meanAveragePrecisionAtK(runs, 5)).toBeCloseTo(0.75);
    expect(meanAveragePrecisionAtK([], 5)).toBe(0);
  });
});

describe('timed', () => {
  it('returns the value and a non-negative duration', () => {
    const { value, ms } = timed(() => 42);
    expect(value).toBe(42);
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});

describe('trace reading', () => {
  it('measures the union of overlapping intervals', () => {
    expect(unionLength([[0, 10], [5, 15], [20, 25]])).toBe(20);
    expect(unionLength([[0, 10], [2, 3]])).toBe(10);
    expect(unionLength([])).toBe(0);
  });

  it("attributes only chrome-extension:// work on the page's main thread, and the tasks holding it", () => {
    const url = 'http://127.0.0.1/p.html';
    const ext = 'chrome-extension://abc/content-scripts/content.js';
    const x = (e: Partial<TraceEvent>): TraceEvent => ({ name: 'X', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 0, ...e });
    const events: TraceEvent[] = [
      x({ name: 'ParseHTML', ts: 0, dur: 1000, args: { beginData: { url } } }),
      x({ name: 'RunTask', ts: 0, dur: 2000 }),
      x({ name: 'RunTask', ts: 10_000, dur: 60_000, tts: 0, tdur: 31_000 }),
      x({ name: 'EvaluateScript', ts: 10_000, dur: 55_000, tts: 0, tdur: 30_000, args: { data: { url: ext } } }),
      x({ name: 'v8.compile', ts: 10_000, dur: 5_000, args: { fileName: ext } }),
      // The same script on another thread (the service worker) is not the page's cost.
      x({ name: 'EvaluateScript', tid: 2, ts: 0, dur: 99_000, args: { data: { url: ext } } }),
    ];
    const s = summarizeTrace(events, url);
    expect(s.found).toBe(true);
    expect(s.extWallMs).toBe(55);
    expect(s.extCpuMs).toBe(30);
    expect(s.extCompileMs).toBe(5);
    expect(s.longestExtTaskMs).toBe(60);
    expect(s.longestExtTaskCpuMs).toBe(31);
    expect(s.longExtTasks).toBe(1);
    expect(s.mainThreadMs).toBe(62);
    expect(summarizeTrace(events, 'http://127.0.0.1/other.html').found).toBe(false);
  });
});
