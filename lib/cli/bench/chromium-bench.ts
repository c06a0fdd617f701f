/**
 * The content script in real Chromium: main-thread time, long tasks and
 * per-tab heap on real pages, with the control extension (nothing), the
 * shipped build, and the build with the 19k PolitiFact pack; the cost of
 * the article gate on pages that are not articles; and the round trip of a
 * page's text to the background, where matching runs. The extension's cost
 * is that of every chrome-extension:// script on the page: the gate-first
 * content script on every page, plus, on pages that pass the gate, the
 * annotator that the background injects (annotator.js).
 *
 * Loads go page by page within each run, and every variant sees the same
 * pages in the same order after one untimed warm-up load (which also lets
 * the background build its matcher). Medians over runs.
 */
import type { ContentToBackground, WireMessage } from '../../messages';
import { startServer, type Route } from '../browser-harness/server';
import { launchBenchBrowser, type BenchBrowser, type LoadResult } from './chromium-session';
import { bundleForPage } from './extension-builds';
import { median } from './stats';
import type { TraceSummary } from './trace';

/** A page the browser loads. */
export interface BrowserPage {
  name: string;
  kind: 'seed' | 'news' | 'non-article' | 'plain';
  route: Route;
  /** The page's article text (from the jsdom text model), sent to the background in the round trip. */
  text: string;
}

/** The builds under test. */
export type Variant = 'control' | 'minimal' | 'shipped' | 'pack19k';

/** One page under one variant: medians over runs. */
export interface PageMeasure {
  page: string;
  kind: BrowserPage['kind'];
  variant: Variant;
  trace: TraceSummary;
  heapBytes: number;
  marks: number;
}

/** The gate in Chromium, per call. */
export interface GateMeasure {
  page: string;
  kind: BrowserPage['kind'];
  ms: number;
  /**
   * The first call in a fresh isolated world, ms: what the content script's
   * gate costs on a page, with its functions, regular expressions and
   * selectors not yet compiled. performance.now() steps by 0.1 ms here.
   */
  firstCallMs: number;
  /** articleSignal's verdict (null: not an article). */
  signal: string | null;
}

/** Content script → background → content script, ms (medians). */
export interface RoundTrip {
  page: string;
  variant: Variant;
  textChars: number;
  /** An `annotate` request with empty text: the messaging alone. */
  emptyMs: number;
  /** An `annotate` request with the page's text: messaging plus matching in the background. */
  textMs: number;
}

/** Everything the Chromium bench found. */
export interface ChromiumResult {
  version: string;
  pages: PageMeasure[];
  /** The shipped build on the seed page reloaded with its compiled code still in the renderer (same site). */
  warm: PageMeasure | null;
  gate: GateMeasure[];
  roundTrips: RoundTrip[];
}

/** The extension folders per variant; minimal and pack19k are optional. */
export type Builds = { control: string; minimal?: string; shipped: string; pack19k?: string };

/** What to load: all pages under control and shipped, `heavyPages` (names) also under pack19k. */
export interface ChromiumPlan {
  pages: BrowserPage[];
  heavyPages: string[];
  /** Pages (names) whose text is sent to the background in the round-trip measurement. */
  roundTripPages: string[];
  /** Pages (names) loaded with the minimal content script. */
  lightPages: string[];
  runs: number;
  log?: (line: string) => void;
}

/** The gate (lib/page/article-gate.ts) bundled for the page's main world, as `globalThis.__claimlensGate`. */
export function gateBundle(): Promise<string> {
  return bundleForPage("import { articleSignal } from './lib/page/article-gate';\n(globalThis as Record<string, unknown>).__claimlensGate = articleSignal;\n");
}

/**
 * Times the gate in the page: performance.now() is coarse (100 µs) outside
 * cross-origin isolation, so calls are timed in batches of 20, and the
 * median batch gives the time per call.
 */
const GATE_PROBE = `(() => {
  const gate = globalThis.__claimlensGate;
  const signal = gate(document);
  const perCall = [];
  for (let b = 0; b < 7; b++) {
    const start = performance.now();
    for (let i = 0; i < 20; i++) gate(document);
    perCall.push((performance.now() - start) / 20);
  }
  perCall.sort((a, b) => a - b);
  return { ms: perCall[3], signal };
})()`;

/** One call of the gate, timed: run in a world where the gate bundle was just evaluated, it is the first call. */
const GATE_FIRST_CALL = `(() => {
  const start = performance.now();
  globalThis.__claimlensGate(document);
  return performance.now() - start;
})()`;

/** Round trips from the content script's world: empty and full requests, alternately; the first pair is warm-up. */
function roundTripProbe(text: string): string {
  const empty: WireMessage<ContentToBackground> = { method: 'annotate', text: '' };
  const full: WireMessage<ContentToBackground> = { method: 'annotate', text };
  return `(async () => {
    const empty = ${JSON.stringify(empty)}, full = ${JSON.stringify(full)};
    const out = { empty: [], full: [] };
    for (let i = 0; i < 7; i++) {
      let start = performance.now();
      await chrome.runtime.sendMessage(empty);
      if (i > 0) out.empty.push(performance.now() - start);
      start = performance.now();
      await chrome.runtime.sendMessage(full);
      if (i > 0) out.full.push(performance.now() - start);
    }
    return out;
  })()`;
}

/** The median of each figure over `traces` (loads of one page). */
export function medianTrace(traces: readonly TraceSummary[]): TraceSummary {
  const m = (f: (t: TraceSummary) => number) => median(traces.map(f));
  return {
    extWallMs: m((t) => t.extWallMs),
    extCpuMs: m((t) => t.extCpuMs),
    extCompileMs: m((t) => t.extCompileMs),
    longestExtTaskMs: m((t) => t.longestExtTaskMs),
    longestExtTaskCpuMs: m((t) => t.longestExtTaskCpuMs),
    longExtTasks: m((t) => t.longExtTasks),
    mainThreadMs: m((t) => t.mainThreadMs),
    found: traces.every((t) => t.found),
  };
}

/**
 * Loads every page `runs` times in `browser`, after two warm-up loads (V8
 * caches a script's code only from its second run; the first load of a
 * session pays compilation, see the report), and returns each page's
 * loads by name. `after` runs on each page once its last timed load has
 * settled.
 */
export async function loadEach<P extends { name: string }>(
  browser: BenchBrowser, pages: readonly P[], url: (p: P) => string, runs: number,
  after: (page: P) => Promise<void> = async () => undefined,
): Promise<Map<string, LoadResult[]>> {
  for (let i = 0; i < 2; i++) await browser.load(url(pages[0]!));
  const loads = new Map<string, LoadResult[]>(pages.map((p) => [p.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      loads.get(page.name)!.push(await browser.load(url(page)));
      if (run === runs - 1) await after(page);
    }
  }
  return loads;
}

/** loadEach, summed up per page as the report shows it. */
async function measurePages(
  browser: BenchBrowser, variant: Variant, pages: BrowserPage[], url: (p: BrowserPage) => string, runs: number,
  after: (page: BrowserPage) => Promise<void>,
): Promise<PageMeasure[]> {
  const loads = await loadEach(browser, pages, url, runs, after);
  return pages.map((page) => {
    const results = loads.get(page.name)!;
    return {
      page: page.name,
      kind: page.kind,
      variant,
      trace: medianTrace(results.map((r) => r.trace)),
      heapBytes: median(results.map((r) => r.heapBytes)),
      marks: results[results.length - 1]!.marks,
    };
  });
}

/** Runs the whole Chromium bench. */
export async function benchChromium(plan: ChromiumPlan, builds: Builds): Promise<ChromiumResult> {
  const log = plan.log ?? (() => undefined);
  const routes = Object.fromEntries(plan.pages.map((p) => [`/${p.name}.html`, p.route]));
  const server = await startServer(routes);
  const url = (p: BrowserPage) => server.url(`/${p.name}.html`);
  const result: ChromiumResult = { version: '', pages: [], warm: null, gate: [], roundTrips: [] };
  const gateCode = await gateBundle();
  let firstCalls = 0;
  const variants: [Variant, string | undefined, BrowserPage[]][] = [
    ['control', builds.control, plan.pages],
    ['minimal', builds.minimal, plan.pages.filter((p) => plan.lightPages.includes(p.name))],
    ['shipped', builds.shipped, plan.pages],
    ['pack19k', builds.pack19k, plan.pages.filter((p) => plan.heavyPages.includes(p.name))],
  ];
  try {
    for (const [variant, dir, pages] of variants) {
      if (!dir || pages.length === 0) continue;
      log(`  chromium: ${variant}, ${pages.length} pages × ${plan.runs} runs`);
      const browser = await launchBenchBrowser(dir, server.origin);
      try {
        result.version ||= await browser.version();
        // The gate is timed in the control browser; round trips need Claimlens's content script.
        const after = async (page: BrowserPage) => {
          if (variant === 'control') {
            // First call first, in source of its own: V8 caches compiled scripts by source text for the
            // whole renderer, so the same bundle evaluated earlier in another world would arrive compiled.
            const firstCallMs = await browser.evalFreshWorld<number>([`/* ${page.name}, ${firstCalls++} */\n${gateCode}`, GATE_FIRST_CALL]);
            await browser.evalMain(gateCode);
            const g = await browser.evalMain<{ ms: number; signal: string | null }>(GATE_PROBE);
            result.gate.push({ page: page.name, kind: page.kind, ms: g.ms, firstCallMs, signal: g.signal });
          } else if (variant !== 'minimal' && plan.roundTripPages.includes(page.name)) {
            const t = await browser.evalContentScript<{ empty: number[]; full: number[] }>(roundTripProbe(page.text));
            if (t) result.roundTrips.push({ page: page.name, variant, textChars: page.text.length, emptyMs: median(t.empty), textMs: median(t.full) });
          }
        };
        result.pages.push(...(await measurePages(browser, variant, pages, url, plan.runs, after)));
        if (variant === 'shipped') {
          // Two loads with no GC in between: the second finds the content script's code compiled.
          await browser.load(url(pages[0]!), { gc: false });
          const warm = await browser.load(url(pages[0]!), { gc: false });
          result.warm = { page: pages[0]!.name, kind: pages[0]!.kind, variant, trace: warm.trace, heapBytes: NaN, marks: warm.marks };
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return result;
}
