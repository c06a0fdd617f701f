// The 130 saved pages of shared/data/news-pages in Chromium, each served as
// is plus one sentinel <script>, with a build that adds a probe pack of the
// pages' own sentences (news-probe.ts) so that the extension marks real text
// on most of them. On every page: no error from the extension, the page's
// own scripts still run, and annotation moves no box by more than 1 px.
//
// Layout method: after the content script has run, every ancestor box of
// every mark (the article root among them) and the line boxes of the marked
// text are measured, the marks are unwrapped (the same text nodes stay), and
// everything is measured again. Marks are the extension's only in-flow
// change (the card host is position: fixed and hidden), so in one load the
// difference is exactly the shift that annotation causes; two loads with
// and without the extension would also differ by page-script timing.
//
// The server is the browser's proxy: every request for another host is
// answered 404 at once, so pages that reference the whole web load fast.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type TestBrowser } from '../../lib/cli/browser-harness/browsers';
import { startServer, type Route, type TestServer } from '../../lib/cli/browser-harness/server';
import { buildVariant } from './support/build-variant';
import { markLayoutShift } from './support/hostile-page-scripts';
import { countMarks } from './support/page-scripts';
import { newsPages, probePack } from './support/news-probe';
import { builtOutputDir } from './support/paths';
import { readSentinel, SENTINEL_GLOBAL, withSentinel } from './support/sentinel';
import { watchPage, type PageWatch } from './support/watch';
import { sleep } from './support/poll';

const pages = newsPages();
const MAX_SHIFT_PX = 1;
const LOAD_TIMEOUT_MS = 15_000;

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(pages.length === 0)('the saved news pages in Chromium', () => {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  let watch: PageWatch | undefined;

  beforeAll(async () => {
    const packFile = path.join(builtOutputDir, 'news-pages', 'news-page-probe.pack.json');
    mkdirSync(path.dirname(packFile), { recursive: true });
    writeFileSync(packFile, JSON.stringify(probePack(pages)));
    const extensionDir = buildVariant('chromium', 'news-pages', [packFile]);
    const routes: Record<string, Route> = {};
    for (const p of pages) routes[`/news/${p.name}/`] = { html: withSentinel(readFileSync(p.file, 'utf8')) };
    server = await startServer(routes);
    browser = await launchWithExtension('chromium', extensionDir, { proxy: server.origin });
    watch = await watchPage(browser);
  }, 180_000);

  afterAll(async () => {
    await watch?.dispose();
    await browser?.close();
    await server?.close();
  });

  it(`runs on all ${pages.length} pages without an extension error, page scripts intact, nothing moved`, async () => {
    const problems: string[] = [];
    let marked = 0;
    let marks = 0;
    let worstShift = 0;
    let worstPage = '';
    let extensionErrors = 0;
    for (const p of pages) {
      const w = watch!;
      w.reset();
      try {
        await withTimeout(browser!.page.goto(server!.url(`/news/${p.name}/`)), LOAD_TIMEOUT_MS, `loading ${p.name}`);
        await w.extensionSettled();
        // Marks may be added a slice at a time: wait until their number holds.
        for (let last = -1, count = await w.evaluate(countMarks, null); count !== last; ) {
          await sleep(120);
          [last, count] = [count, await w.evaluate(countMarks, null)];
        }
        const before = await w.evaluate(readSentinel, SENTINEL_GLOBAL);
        const shift = await w.evaluate(markLayoutShift, null);
        await sleep(60);
        const after = await w.evaluate(readSentinel, SENTINEL_GLOBAL);
        if (!after.present || !after.loaded) problems.push(`${p.name}: the page's sentinel script did not run or saw no load event`);
        else if (after.ticks <= before.ticks) problems.push(`${p.name}: the page's timer stopped (${before.ticks} → ${after.ticks})`);
        if (shift.marks > 0) {
          marked++;
          marks += shift.marks;
          const moved = Math.max(shift.maxBoxShift, shift.maxTextShift);
          if (moved > worstShift) [worstShift, worstPage] = [moved, p.name];
          if (moved > MAX_SHIFT_PX) problems.push(`${p.name}: annotation moved a box by ${moved.toFixed(2)} px (${shift.marks} marks)`);
        }
      } catch (error) {
        problems.push(`${p.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      extensionErrors += w.extensionErrors.length;
      for (const e of w.extensionErrors) problems.push(`${p.name}: extension error: ${e}`);
    }
    console.info(
      `[e2e chromium] news pages: ${pages.length} pages, ${marked} with marks (${marks} marks), ` +
        `${extensionErrors} extension errors, largest shift ${worstShift.toFixed(2)} px${worstPage ? ` (${worstPage})` : ''}`,
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
