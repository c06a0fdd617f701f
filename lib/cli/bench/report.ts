/**
 * The bench's report: Markdown tables, ready to paste into the README. The
 * machine comes first, because every figure below belongs to it.
 */
import { checkBudgets, slowdown } from './budgets';
import type { BenchResult } from './run';

/** A time in ms with sensible precision. */
export function ms(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);
}

const count = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function matchingSection(r: BenchResult): string {
  const map = new Map(r.quality.map((q) => [q.name, q]));
  const rows: string[][] = [];
  for (const pool of r.matching) {
    const cl = pool.matchers.find((m) => m.name === 'Claimlens');
    const size = `${count(pool.size)}${pool.synthetic > 0 ? ` (${count(pool.synthetic)} SYNTHETIC)` : ''}`;
    for (const m of [pool.floor, ...pool.matchers]) {
      const vs = cl && m !== cl ? `${slowdown(cl, m).toFixed(1)}×` : m === cl ? '1×' : '';
      const q = map.get(m.name);
      rows.push([
        size, m.name, m === pool.floor ? '–' : ms(m.buildMs), ms(m.medianPageMs), ms(m.p95PageMs),
        `${m.runs} × ${m.pagesTimed}`, m === pool.floor ? '–' : `${m.annotations} (${m.seedAnnotations})`, vs,
        q ? q.map5.toFixed(3) : '–',
      ]);
    }
  }
  const pages = r.pages.length;
  return [
    `### Per-page matching: ${pages} pages (the seed article and the news-pages corpus), article text from the text model`,
    '',
    table(['claims', 'matcher', 'build ms', 'median ms/page', 'p95 ms/page', 'passes × pages', 'annotations (seed)', 'time vs Claimlens', 'MAP@5 2A devtest'], rows),
    '',
    `Time vs Claimlens: the matcher's median page time over Claimlens's, on the pages both were timed on. ` +
      `MAP@5: each matcher's ranking on CheckThat! 2A devtest (${r.queries} queries) over the 14,231 2A claims. ` +
      'Pools hold the bundled claims, then 2A and 2B claims interleaved; above 33,481 real claims the rest is SYNTHETIC ' +
      '(halves of two real claims spliced, lib/cli/synthetic-pack.ts).',
  ].join('\n');
}

function indexSection(r: BenchResult): string {
  const rows = r.index.map((i) => [
    i.label, `${count(i.claims)}${i.synthetic > 0 ? ` (${count(i.synthetic)} SYNTHETIC)` : ''}`, `${(i.bytes / 1e6).toFixed(2)} MB`,
    i.bytesPerClaim.toFixed(0), ms(i.jsonParseMs), ms(i.loadIndexMs), ms(i.createMatcherMs),
    `${((i.loadIndexMs + i.createMatcherMs) / i.jsonParseMs).toFixed(1)}×`, mb(i.heap.indexBytes), mb(i.heap.matcherBytes),
  ]);
  const clone = r.index[0]?.heap;
  return [
    '### The index',
    '',
    table(['index', 'claims', 'JSON', 'bytes/claim', 'JSON.parse ms', 'loadIndex ms', 'createMatcher ms', '(load + matcher) ÷ parse', 'heap: index MB', 'heap: matcher MB'], rows),
    '',
    'loadIndex = JSON.parse + envelope checks + checksum. Heap: `process.memoryUsage().heapUsed` deltas after full GCs, in a fresh `node --expose-gc` child.',
    clone ? `Handing the largest page text (${count(clone.textChars)} chars) to another context and back: ${ms(clone.cloneMs)} ms by structured clone, ${ms(clone.jsonMs)} ms through JSON (Node).` : '',
  ].join('\n');
}

function chromiumSection(r: BenchResult): string {
  if (!r.chromium) return `### Chromium\n\nNot measured: ${r.chromiumError ?? 'unknown reason'}.`;
  const c = r.chromium;
  const control = new Map(c.pages.filter((p) => p.variant === 'control').map((p) => [p.page, p]));
  const html = new Map(r.pages.map((p) => [p.name, p.htmlBytes]));
  const rows = c.pages.filter((p) => p.variant !== 'control').map((p) => {
    const base = control.get(p.page);
    return [
      p.page, p.kind, p.variant, `${Math.round((html.get(p.page) ?? 0) / 1024)}`, `${ms(p.trace.extWallMs)} / ${ms(p.trace.extCpuMs)}`, ms(p.trace.extCompileMs),
      `${ms(p.trace.longestExtTaskMs)} / ${ms(p.trace.longestExtTaskCpuMs)}`,
      base ? `${((p.heapBytes - base.heapBytes) / 1024).toFixed(0)}` : 'n/a', String(p.marks),
    ];
  });
  const jsdomGate = new Map(r.pages.map((p) => [p.name, p.gateMs]));
  const gates = c.gate.map((g) => [
    g.page, g.kind, g.firstCallMs.toFixed(1), ms(g.ms), jsdomGate.has(g.page) ? ms(jsdomGate.get(g.page)!) : '–', g.signal ?? 'not an article',
  ]);
  const trips = c.roundTrips.map((t) => [t.page, t.variant, count(t.textChars), ms(t.emptyMs), ms(t.textMs)]);
  return [
    `### The content script in ${c.version}`,
    '',
    table(['page', 'kind', 'variant', 'HTML KB', 'extension ms (wall / CPU)', 'of which compile ms', 'longest ext. task ms (wall / CPU)', 'heap Δ KB', 'marks'], rows),
    '',
    'Extension ms: the union of trace events of chrome-extension:// scripts on the page\'s main thread (devtools.timeline trace, page load + settle); ' +
      'longest task: the longest main-thread task holding such an event. Heap Δ: `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`, against the control ' +
      'extension (a manifest only) on the same page. That GC also drops compiled code, so every load compiles the content script afresh, as the first page of a site ' +
      '(a new renderer) does. Minimal: a one-line content script, the floor of any content script. Shipped: the bundled packs; pack19k: plus the 19,250-claim ' +
      'PolitiFact pack; matching runs in the background in both. (Total main-thread time is not compared: the pages\' own scripts vary by more than the extension costs.)',
    c.warm ? `Same-site reload of ${c.warm.page} (content script code still compiled in the renderer): ${ms(c.warm.trace.extWallMs)} ms wall / ${ms(c.warm.trace.extCpuMs)} ms CPU.` : '',
    '',
    table(['page', 'kind', 'gate ms, first call (Chromium)', 'gate ms, later calls (Chromium)', 'gate ms (jsdom)', 'verdict'], gates),
    '',
    'Gate, first call: the gate bundle (made unique, so that no compiled copy is reused) evaluated in a new isolated world of the loaded page and called once, so its functions, regular expressions and ' +
      'selectors are compiled on the way, as on a content script\'s first run (performance.now() steps by 0.1 ms). Later calls: the median of batches of 20 ' +
      'calls in the page\'s main world.',
    '',
    table(['page', 'variant', 'text chars', 'round trip ms (empty)', 'round trip ms (page text, matching included)'], trips),
  ].join('\n');
}

/** The whole report as Markdown. */
export function formatReport(r: BenchResult): string {
  const m = r.machine;
  const budgets = checkBudgets(r).map((b) => [b.budget, b.measured, b.met === null ? 'not measured' : b.met ? 'met' : '**missed**']);
  return [
    `## Claimlens bench`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.chromium}. ` +
      `Load average at the end: ${m.loadAverage.toFixed(1)}. Bench time: ${(r.elapsedMs / 60_000).toFixed(1)} min. Medians unless noted.`,
    '',
    table(['budget', 'measured', 'verdict'], budgets),
    '',
    matchingSection(r),
    '',
    indexSection(r),
    '',
    chromiumSection(r),
    '',
  ].join('\n');
}
