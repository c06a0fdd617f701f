/**
 * Page changes come in bursts (a lazily loaded body, infinite scroll, an
 * ad rotating): work on them once the page has been quiet for a moment, but
 * never wait for ever on a page that does not stop changing.
 */

/** Quiet time after a page change before looking at the page again. */
export const SETTLE_MS = 150;
/** The most a page that never stops changing waits before it is looked at. */
export const MAX_WAIT_MS = 1000;

/** A debounced trigger. */
export interface Settler {
  /** Runs the callback once the page has been quiet for `delay` ms, and at most MAX_WAIT_MS after the first unsettled change. */
  schedule(delay?: number): void;
  /** True while a run is scheduled. */
  readonly pending: boolean;
}

/** Creates the debounced trigger of `run`; it stops with `signal`. */
export function createSettler(run: () => void, signal: AbortSignal): Settler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    timer = undefined;
  }, { once: true });
  return {
    schedule(delay = SETTLE_MS) {
      if (signal.aborted) return;
      const now = Date.now();
      if (timer === undefined) firstChangeAt = now;
      clearTimeout(timer);
      const wait = Math.max(0, Math.min(delay, firstChangeAt + MAX_WAIT_MS - now));
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, wait);
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
