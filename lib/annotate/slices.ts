/**
 * Cutting long work into slices that yield to the page, so that annotating
 * a huge article never makes a long task (over 50 ms) that would delay the
 * reader's clicks and scrolling. A slice runs until its budget is spent,
 * then waits for the page: `scheduler.yield()` where the browser has it
 * (it resumes ahead of other queued tasks), else a zero-delay timeout.
 */

/** Default slice budget: well under a frame, far under the 50 ms long-task line. */
export const SLICE_BUDGET_MS = 4;

/** A running budget: ask `shouldPause`, and `pause` when it says so. */
export interface Slicer {
  /** True when the current slice has used its budget. */
  shouldPause(): boolean;
  /** Yields to the page and starts a new slice. */
  pause(): Promise<void>;
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Creates a slicer with `budgetMs` per slice; `now` is injectable for tests. */
export function createSlicer(budgetMs = SLICE_BUDGET_MS, now: () => number = () => performance.now()): Slicer {
  let sliceStart = now();
  return {
    shouldPause: () => now() - sliceStart >= budgetMs,
    async pause() {
      const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
      if (typeof scheduler?.yield === 'function') await scheduler.yield();
      else await new Promise<void>((resolve) => setTimeout(resolve, 0));
      sliceStart = now();
    },
  };
}
