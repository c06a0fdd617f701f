/**
 * A page's own script, appended to every served hostile or real page, that
 * proves the page's scripts still run with the extension present: it counts
 * timer ticks from the start and records the load event. It uses only
 * timers, property writes and addEventListener, so the hostile pages (which
 * break Array, Node and other built-ins for everyone) leave it working.
 */

/** The global the sentinel keeps its state in. */
export const SENTINEL_GLOBAL = '__claimlens_sentinel';

/** The sentinel as an inline script element. */
export const SENTINEL_SCRIPT =
  `<script>(function () { var s = { loaded: false, ticks: 0 }; window.${SENTINEL_GLOBAL} = s;` +
  ` window.addEventListener('load', function () { s.loaded = true; });` +
  ` setInterval(function () { s.ticks = s.ticks + 1; }, 20); })();</script>`;

/** `html` with the sentinel as the last thing in the document. */
export function withSentinel(html: string): string {
  const at = html.search(/<\/body>\s*(?:<\/html>\s*)?$/i);
  return at >= 0 ? `${html.slice(0, at)}${SENTINEL_SCRIPT}${html.slice(at)}` : `${html}${SENTINEL_SCRIPT}`;
}

/** What the sentinel reports (runs in the page). */
export interface SentinelState {
  present: boolean;
  loaded: boolean;
  ticks: number;
}

/** Reads the sentinel (a self-contained page function). */
export function readSentinel(name: string): SentinelState {
  const s = (window as unknown as Record<string, { loaded: boolean; ticks: number } | undefined>)[name];
  return s ? { present: true, loaded: s.loaded === true, ticks: Number(s.ticks) } : { present: false, loaded: false, ticks: 0 };
}
