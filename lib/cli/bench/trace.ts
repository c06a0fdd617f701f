/**
 * Reading a Chromium performance trace (CDP Tracing, devtools.timeline
 * categories) for what the extension costs the page's main thread.
 *
 * The page's main thread is the thread that parsed the page's HTML. Work
 * attributable to the extension is every trace event on that thread whose
 * script is a chrome-extension:// URL (content-script evaluation, its
 * callbacks, its timers); nested events are merged, so nothing counts twice.
 * A task is attributable when it contains such work, and its length is
 * what the user feels: the page cannot respond until it ends.
 */

/** One trace event (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Thread (CPU) time, microseconds. */
  tts?: number;
  tdur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string }; fileName?: string };
}

/** What one page load cost, ms. */
export interface TraceSummary {
  /** Wall time of extension script work on the page's main thread. */
  extWallMs: number;
  /** CPU time of the same work (excludes time the thread waited for a core). */
  extCpuMs: number;
  /** Wall time V8 spent compiling the extension's scripts (large when the renderer has no cached code). */
  extCompileMs: number;
  /** Longest main-thread task that contains extension work (0 when none), wall clock. */
  longestExtTaskMs: number;
  /** CPU time of that task: on a busy machine the wall clock also counts time the thread waited for a core. */
  longestExtTaskCpuMs: number;
  /** Attributable tasks over 50 ms (the Long Tasks API threshold). */
  longExtTasks: number;
  /** All main-thread task time in the trace, the page's own included. */
  mainThreadMs: number;
  /** Whether the page's main thread was found at all. */
  found: boolean;
}

const EXTENSION = 'chrome-extension://';

function scriptUrl(e: TraceEvent): string {
  return e.args?.data?.url ?? e.args?.fileName ?? '';
}

/** Length of the union of [start, end) intervals. */
export function unionLength(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** Summarises one page load's trace; `pageUrl` identifies the page's main thread. */
export function summarizeTrace(events: readonly TraceEvent[], pageUrl: string): TraceSummary {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) return { extWallMs: 0, extCpuMs: 0, extCompileMs: 0, longestExtTaskMs: 0, longestExtTaskCpuMs: 0, longExtTasks: 0, mainThreadMs: 0, found: false };
  const onMain = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined);
  const ext = onMain.filter((e) => scriptUrl(e).startsWith(EXTENSION));
  const wall = ext.map((e) => [e.ts, e.ts + e.dur!] as const);
  const cpu = ext.filter((e) => e.tts !== undefined && e.tdur !== undefined).map((e) => [e.tts!, e.tts! + e.tdur!] as const);
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const attributable = tasks.filter((t) => wall.some(([s, end]) => s < t.ts + t.dur! && end > t.ts));
  const longest = attributable.reduce<TraceEvent | null>((l, t) => (!l || t.dur! > l.dur! ? t : l), null);
  return {
    extWallMs: unionLength(wall) / 1000,
    extCpuMs: unionLength(cpu) / 1000,
    extCompileMs: unionLength(ext.filter((e) => e.name === 'v8.compile').map((e) => [e.ts, e.ts + e.dur!] as const)) / 1000,
    longestExtTaskMs: (longest?.dur ?? 0) / 1000,
    longestExtTaskCpuMs: (longest?.tdur ?? 0) / 1000,
    longExtTasks: attributable.filter((t) => t.dur! > 50_000).length,
    mainThreadMs: unionLength(tasks.map((t) => [t.ts, t.ts + t.dur!] as const)) / 1000,
    found: true,
  };
}
