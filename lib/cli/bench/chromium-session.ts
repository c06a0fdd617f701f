/**
 * One Chromium with one extension loaded (the browser harness's launch,
 * pages served from 127.0.0.1, everything else refused by its proxy), seen
 * through a CDP session: traced page loads, the page's heap after a full
 * GC, and evaluation in the page's main world or in the content script's
 * isolated world (where `chrome.runtime` is the extension's own).
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type TestBrowser } from '../browser-harness/browsers';
import { summarizeTrace, type TraceEvent, type TraceSummary } from './trace';

/** The categories DevTools' performance panel records, minus screenshots and stacks. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'v8'];

/** Time left for the content script after `load`: it runs at document_idle, then waits for the background's answer. */
const SETTLE_MS = 600;

/** One traced page load. */
export interface LoadResult {
  trace: TraceSummary;
  /** JS heap of the tab's renderer isolate (page and content script worlds) after a full GC, bytes. */
  heapBytes: number;
  /** claimlens-mark elements on the page after settling. */
  marks: number;
}

/** A launched browser and its CDP session. */
export interface BenchBrowser {
  /**
   * Loads `url`, traced from navigation until the page settles, then takes
   * the heap after a full GC. That GC also drops the renderer's compiled
   * code, so the next load compiles the content script again, as a visit to
   * a new site (a new renderer) does. `gc: false` skips it (heapBytes NaN).
   */
  load(url: string, options?: { gc?: boolean }): Promise<LoadResult>;
  /** Evaluates an expression in the page's main world (awaiting promises). */
  evalMain<T>(expression: string): Promise<T>;
  /** Evaluates an expression in the Claimlens content script's world, or returns null when it has none. */
  evalContentScript<T>(expression: string): Promise<T | null>;
  /**
   * Evaluates `expressions` one after another in a new isolated world of the
   * page's main frame (as a content script's first run finds it: none of its
   * code compiled yet) and returns the last one's value.
   */
  evalFreshWorld<T>(expressions: readonly string[]): Promise<T>;
  /** Chromium's version string. */
  version(): Promise<string>;
  close(): Promise<void>;
}

async function evaluate<T>(cdp: CDPSession, expression: string, contextId?: number): Promise<T> {
  const result = await cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
    ...(contextId === undefined ? {} : { contextId }),
  });
  if (result.exceptionDetails) throw new Error(`evaluate failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
  return result.result.value as T;
}

async function traced(cdp: CDPSession, page: Page, url: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(SETTLE_MS);
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** Launches Chromium with the unpacked extension in `extensionDir`; `proxy` is the test server's origin. */
export async function launchBenchBrowser(extensionDir: string, proxy: string): Promise<BenchBrowser> {
  const browser: TestBrowser = await launchWithExtension('chromium', extensionDir, { proxy });
  if (browser.driver.kind !== 'playwright') throw new Error('expected the playwright driver for Chromium');
  const { context, page } = browser.driver;
  const cdp = await context.newCDPSession(page);
  // The content script's world: the latest isolated context named after the extension, per navigation.
  let contentWorld: number | null = null;
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.name === 'Claimlens' && c.origin.startsWith('chrome-extension://')) contentWorld = c.id;
  });
  cdp.on('Runtime.executionContextsCleared', () => (contentWorld = null));
  let freshWorlds = 0;
  await cdp.send('Runtime.enable');
  return {
    async load(url, options = {}) {
      contentWorld = null;
      const events = await traced(cdp, page, url);
      let heapBytes = NaN;
      if (options.gc ?? true) {
        await cdp.send('HeapProfiler.collectGarbage');
        heapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      }
      const marks = await evaluate<number>(cdp, "document.querySelectorAll('claimlens-mark').length");
      return { trace: summarizeTrace(events, url), heapBytes, marks };
    },
    evalMain: (expression) => evaluate(cdp, expression),
    evalContentScript: async (expression) => (contentWorld === null ? null : evaluate(cdp, expression, contentWorld)),
    async evalFreshWorld<T>(expressions: readonly string[]) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `claimlens-bench-${++freshWorlds}` });
      let value: unknown;
      for (const expression of expressions) value = await evaluate(cdp, expression, executionContextId);
      return value as T;
    },
    version: async () => (await cdp.send('Browser.getVersion')).product,
    close: () => browser.close(),
  };
}
