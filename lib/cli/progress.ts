/**
 * Progress for long imports, on stderr so that stdout stays clean for
 * results. On a terminal it is one line redrawn in place; in a log (CI, a
 * pipe) it is a line per 10 %, since carriage returns make logs unreadable.
 * Small jobs show nothing: a bar that flashes for 50 ms is noise.
 */
import type { OutputStream } from './command-io';

/** Jobs with fewer steps than this show no progress. */
export const MIN_PROGRESS_TOTAL = 2000;

/** A progress display for one job. */
export interface Progress {
  /** Records `done` of `total` steps. */
  update(done: number, total: number): void;
  /** Ends the display (clears the bar on a terminal). */
  finish(): void;
}

const NONE: Progress = { update() {}, finish() {} };
const BAR_WIDTH = 30;
const REDRAW_MS = 100;

/** A progress display for `label` on `stream`; silent when `quiet`. */
export function createProgress(label: string, stream: OutputStream, options: { quiet?: boolean; minTotal?: number } = {}): Progress {
  if (options.quiet) return NONE;
  const minTotal = options.minTotal ?? MIN_PROGRESS_TOTAL;
  let lastDraw = 0;
  let lastStep = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (total < minTotal || total <= 0) return;
      const fraction = Math.min(1, done / total);
      const percent = Math.floor(fraction * 100);
      if (stream.isTTY) {
        const now = Date.now();
        if (now - lastDraw < REDRAW_MS && done < total) return;
        lastDraw = now;
        const filled = Math.round(fraction * BAR_WIDTH);
        const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
        stream.write(`\r${label} [${bar}] ${String(percent).padStart(3)}% ${done}/${total}\x1b[K`);
        drawn = true;
      } else {
        const step = Math.floor(percent / 10);
        if (step === lastStep || step === 0) return;
        lastStep = step;
        stream.write(`${label}: ${step * 10}% (${done}/${total})\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
