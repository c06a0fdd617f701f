/**
 * The seed-article suite, defined once and run per browser by
 * seed.chromium.test.ts and seed.firefox.test.ts. It loads the built
 * extension, opens the shared seed page from a 127.0.0.1 server and checks
 * highlights against expected.json, the hover card for every claim, keyboard
 * access, and that a page that is not an article stays unmarked.
 */
import { copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { annotateHtml } from '../../../lib/cli/annotate-command';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type TestBrowser, type TestPage } from '../../../lib/cli/browser-harness/browsers';
import {
  animationsSettled,
  countMarks,
  describeFocus,
  pointAwayFromMarks,
  readCard,
  resetFocus,
  snapshotPage,
  targetMark,
  type CardState,
} from './page-scripts';
import { builtExtensionDir, builtOutputDir, screenshotPath, seedPagePath, sharedDir, sharedFixturesAvailable, type BrowserName } from './paths';
import {
  annotatedRuns,
  cardProblems,
  collapse,
  describeFalsePositives,
  describeMarks,
  describeMissing,
  judgeHighlights,
  loadExpected,
  type Expected,
  type HighlightReport,
} from './seed-oracle';
import { startServer, type TestServer } from '../../../lib/cli/browser-harness/server';
import { pollUntil, sleep } from './poll';

const SEED_PATH = '/news/2017/03/02/seed-article.html';
const PLAIN_PATH = '/plain.html';
/** A page that is not an article, holding a sentence the seed page highlights. */
const PLAIN_HTML =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hello</title></head><body>' +
  '<p>Hello</p>' +
  '<p>Trump has denied having any knowledge that aides were in touch with Russian intelligence agents during the election.</p>' +
  '</body></html>';

const MARKS_TIMEOUT_MS = 15_000;
/** Marks count as settled once their number holds this long. */
const MARKS_QUIET_MS = 1_000;
const CARD_OPEN_TIMEOUT_MS = 5_000;
const CARD_CLOSE_TIMEOUT_MS = 3_000;
/** Longer than any sane close grace period: a card that is still open after this stays open. */
const HOLD_MS = 800;
/** The README's screenshot shows a claim with both groups. */
const SCREENSHOT_CLAIM = 'trump-admin-may-delete-russia-records';

const card = (page: TestPage) => page.evaluate(readCard, null);
const waitCardOpen = (page: TestPage) => pollUntil(() => card(page), (c) => c.open, CARD_OPEN_TIMEOUT_MS);
const waitCardClosed = (page: TestPage) => pollUntil(() => card(page), (c) => !c.open, CARD_CLOSE_TIMEOUT_MS);

function describeCard(state: CardState): string {
  if (state.hosts === 0) return 'no claimlens-card element in the page';
  if (!state.hasShadow) return 'claimlens-card has no open shadow root';
  return state.open ? `card open, text:\n${state.text}` : 'card present but not shown (no visible content with text)';
}

async function moveAway(page: TestPage): Promise<void> {
  const { x, y } = await page.evaluate(pointAwayFromMarks, null);
  await page.mouseMove(x, y);
}

export function defineSeedSuite(browserName: BrowserName): void {
  const available = sharedFixturesAvailable();
  if (!available) {
    console.warn(`[e2e ${browserName}] skipped: the shared seed fixture is missing (expected it under ${sharedDir}).`);
  }
  const expected: Expected = available ? loadExpected() : { rules: [], claims: [], mentions: [] };
  // Every run writes its screenshot under .output/e2e/; CLAIMLENS_SCREENSHOTS=1
  // also copies it over the README's, so the picture changes only on purpose.
  const runScreenshot = path.join(builtOutputDir, `e2e/seed-card-${browserName}.png`);
  const updateReadme = browserName === 'chromium' && process.env.CLAIMLENS_SCREENSHOTS === '1';

  describe.skipIf(!available)(`seed article in ${browserName}`, () => {
    let server: TestServer | undefined;
    let browser: TestBrowser | undefined;
    let seedReady = false;
    let report: HighlightReport | undefined;
    const timings: Record<string, number> = {};

    const page = (): TestPage => {
      if (!browser) throw new Error(`${browserName} did not start (see the beforeAll error)`);
      return browser.page;
    };

    /** Opens the seed page (once) and waits for its marks to settle. */
    async function ensureSeed(): Promise<TestPage> {
      const p = page();
      if (seedReady) return p;
      const started = Date.now();
      await p.goto(server!.url(SEED_PATH));
      let firstAt = 0;
      let last = -1;
      let lastChange = Date.now();
      for (;;) {
        const count = await p.evaluate(countMarks, null);
        if (count !== last) {
          last = count;
          lastChange = Date.now();
        }
        if (count > 0 && !firstAt) firstAt = Date.now();
        if (count > 0 && Date.now() - lastChange >= MARKS_QUIET_MS) break;
        if (Date.now() - started >= MARKS_TIMEOUT_MS) {
          if (count > 0) break;
          throw new Error(
            `No claimlens-mark appeared on the seed page within ${MARKS_TIMEOUT_MS / 1000} s in ${browserName}: ` +
              'is the content script injected on http://127.0.0.1 pages, and does the page pass the article gate?',
          );
        }
        await sleep(100);
      }
      timings['seed: load to first mark (ms)'] = firstAt - started;
      timings['seed: load to settled marks (ms)'] = lastChange - started;
      seedReady = true;
      return p;
    }

    async function highlightReport(): Promise<HighlightReport> {
      if (!report) report = judgeHighlights(await (await ensureSeed()).evaluate(snapshotPage, null), expected);
      return report;
    }

    /**
     * Hovers a mark carrying `claimId` (card closed first; the mark scrolled to
     * the middle, or `top` px below the top edge) and returns the open card
     * once it has stopped moving.
     */
    async function hoverClaim(claimId: string, top?: number): Promise<{ p: TestPage; state: CardState; markText: string }> {
      const p = await ensureSeed();
      await moveAway(p);
      const before = await waitCardClosed(p);
      expect(before.open, `a card was still open before hovering "${claimId}": ${describeCard(before)}`).toBe(false);
      const target = await p.evaluate(targetMark, { claimId, top });
      expect(target, `no claimlens-mark in the article carries "${claimId}"`).not.toBeNull();
      await p.mouseMove(target!.x, target!.y);
      const opened = await waitCardOpen(p);
      expect(opened.open, `hovering mark "${target!.text}" did not open the card: ${describeCard(opened)}`).toBe(true);
      let previous = JSON.stringify(opened.rect);
      const state = await pollUntil(
        () => card(p),
        (c) => {
          const same = JSON.stringify(c.rect) === previous;
          previous = JSON.stringify(c.rect);
          return same;
        },
        CARD_OPEN_TIMEOUT_MS,
      );
      return { p, state, markText: target!.text };
    }

    beforeAll(async () => {
      const extensionDir = builtExtensionDir(browserName);
      server = await startServer({
        [SEED_PATH]: { file: seedPagePath },
        [PLAIN_PATH]: { html: PLAIN_HTML },
      });
      const started = Date.now();
      browser = await launchWithExtension(browserName, extensionDir);
      timings['browser launch + extension install (ms)'] = Date.now() - started;
    });

    afterAll(async () => {
      const started = Date.now();
      await browser?.close();
      timings['browser close (ms)'] = Date.now() - started;
      await server?.close();
      console.info(`[e2e ${browserName}] timings: ${JSON.stringify(timings)}`);
    });

    it('highlights every required mention with one of its claims', async () => {
      const r = await highlightReport();
      const found = r.required.filter((x) => x.highlighted).length;
      console.info(`[e2e ${browserName}] ${r.marks.length} marks; required mentions highlighted: ${found}/${r.required.length}`);
      expect(r.unlocated.map((m) => m.text), 'mentions whose text is not in the page (was the page text altered?)').toEqual([]);
      expect(found, `required mentions not highlighted with one of their claims:\n${describeMissing(r)}`).toBe(r.required.length);
    });

    it('has no false-positive highlights', async () => {
      const r = await highlightReport();
      expect(r.falsePositives.length, `false positives (${r.falsePositives.length}):\n${describeFalsePositives(r.falsePositives)}`).toBe(0);
    });

    it('highlights nothing outside the article body (nav, aside, footer, comments)', async () => {
      const r = await highlightReport();
      expect(r.outsideArticle.length, `marks outside the article:\n${describeMarks(r.outsideArticle)}`).toBe(0);
    });

    it('makes every mark focusable, and the first mark of each sentence a Tab stop (tabindex=0)', async () => {
      const r = await highlightReport();
      const marks = r.marks.map((v) => v.mark);
      // The pieces after the first (a link cut the sentence) take focus from a click only (tabindex=-1).
      const unfocusable = marks.filter((m) => m.tabIndex !== 0 && m.tabIndex !== -1);
      expect(unfocusable.length, `marks that cannot take focus:\n${describeMarks(unfocusable)}`).toBe(0);
      const firsts = marks.filter((m, i) => !marks.slice(0, i).some((o) => o.block === m.block && o.ids.join() === m.ids.join()));
      const notStops = firsts.filter((m) => m.tabIndex !== 0);
      expect(notStops.length, `first marks of a sentence without tabindex=0:\n${describeMarks(notStops)}`).toBe(0);
    });

    it.each(expected.claims.map((c) => [c.id, c] as const))(
      'hover card for %s names its actors and closes when the pointer leaves',
      async (claimId, claim) => {
        const { p, state, markText } = await hoverClaim(claimId);
        const problems = cardProblems(state.text, claim);
        expect(problems, `card opened from mark "${markText}" lacks:\n  - ${problems.join('\n  - ')}\ncard text:\n${state.text}`).toEqual([]);
        await sleep(HOLD_MS);
        const held = await card(p);
        expect(held.open, 'the card closed by itself while the pointer stayed on the mark').toBe(true);
        await moveAway(p);
        const after = await waitCardClosed(p);
        expect(after.open, `the card did not close within ${CARD_CLOSE_TIMEOUT_MS} ms of the pointer leaving mark and card`).toBe(false);
      },
    );

    it('shows every card whole inside the viewport (mark scrolled to mid-screen)', async () => {
      // The card is position: fixed, so whatever falls outside the viewport
      // cannot be scrolled to: a card cut at the top hides its claim text.
      const cut: string[] = [];
      for (const { id } of expected.claims) {
        const { p, state } = await hoverClaim(id);
        const r = state.rect!;
        const { width, height } = state.viewport;
        if (r.x < -1 || r.y < -1 || r.x + r.width > width + 1 || r.y + r.height > height + 1) {
          cut.push(
            `  - ${id}: card box x ${Math.round(r.x)}..${Math.round(r.x + r.width)}, ` +
              `y ${Math.round(r.y)}..${Math.round(r.y + r.height)}; viewport ${width}x${height}`,
          );
        }
        await moveAway(p);
      }
      expect(cut.length, `cards extending past the viewport:\n${cut.join('\n')}`).toBe(0);
    });

    it('keeps the card open while the pointer moves from the mark onto the card', async () => {
      const { p, state } = await hoverClaim(SCREENSHOT_CLAIM);
      // Aim at the part of the card inside the viewport (drivers reject moves outside it).
      const rect = state.rect!;
      const top = Math.max(rect.y, 0);
      const bottom = Math.min(rect.y + rect.height, state.viewport.height);
      const left = Math.max(rect.x, 0);
      const right = Math.min(rect.x + rect.width, state.viewport.width);
      expect(bottom - top > 4 && right - left > 4, `the open card is outside the viewport: ${JSON.stringify(rect)}`).toBe(true);
      await p.mouseMove((left + right) / 2, (top + bottom) / 2);
      await sleep(HOLD_MS);
      const onCard = await card(p);
      expect(onCard.open, 'the card closed when the pointer moved from the mark onto it').toBe(true);
      await moveAway(p);
      expect((await waitCardClosed(p)).open, 'the card did not close after the pointer left it').toBe(false);
    });

    it('opens the card on keyboard focus (Tab) and closes it on Escape', async () => {
      const p = await ensureSeed();
      await moveAway(p);
      await waitCardClosed(p);
      await p.evaluate(resetFocus, null);
      let focus = await p.evaluate(describeFocus, null);
      for (let presses = 0; presses < 100 && !focus.ids; presses++) {
        await p.press('Tab');
        focus = await p.evaluate(describeFocus, null);
      }
      expect(focus.ids, `Tab never focused a claimlens-mark within 100 presses (focus ended on <${focus.tag}>)`).not.toBeNull();
      const opened = await waitCardOpen(p);
      expect(opened.open, `focusing mark "${focus.text}" did not open the card: ${describeCard(opened)}`).toBe(true);
      const claims = expected.claims.filter((c) => focus.ids!.includes(c.id));
      const shown = claims.filter((c) => cardProblems(opened.text, c).every((problem) => !problem.startsWith('claim text')));
      expect(shown.length, `the card for focused mark [${focus.ids!.join(' ')}] shows none of its claims:\n${opened.text}`).toBeGreaterThan(0);
      await p.press('Escape');
      const closed = await waitCardClosed(p);
      expect(closed.open, 'Escape did not close the card').toBe(false);
    });

    it('marks exactly what `claims annotate` reports for the same page', async () => {
      const snapshot = await (await ensureSeed()).evaluate(snapshotPage, null);
      const fromPage = annotatedRuns(snapshot);
      const fromCli = new Set(
        (await annotateHtml(await readFile(seedPagePath, 'utf8'))).map((a) => `${a.claimId}\t${collapse(a.text)}`),
      );
      expect(fromCli.size, '`claims annotate` found nothing on the seed page').toBeGreaterThanOrEqual(15);
      expect([...fromPage].sort()).toEqual([...fromCli].sort());
    });

    it('takes a screenshot with a card open', async () => {
      // The mark near the top, so the card below it fits in the picture.
      const { p } = await hoverClaim(SCREENSHOT_CLAIM, 120);
      await p.evaluate(animationsSettled, null);
      await mkdir(path.dirname(runScreenshot), { recursive: true });
      await rm(runScreenshot, { force: true });
      await p.screenshot(runScreenshot);
      expect((await stat(runScreenshot)).size).toBeGreaterThan(10_000);
      if (updateReadme) {
        await mkdir(path.dirname(screenshotPath), { recursive: true });
        await copyFile(runScreenshot, screenshotPath);
      }
      await moveAway(p);
    });

    it('leaves a page that is not an article unmarked', async () => {
      // Positive control: the extension highlights the seed page in this browser,
      // so a quiet plain page means "not an article", not "not running".
      await ensureSeed();
      const p = page();
      await p.goto(server!.url(PLAIN_PATH));
      seedReady = false;
      const waitMs = Math.min(10_000, Math.max(3_000, 3 * (timings['seed: load to first mark (ms)'] ?? 0)));
      const count = await pollUntil(() => p.evaluate(countMarks, null), (n) => n > 0, waitMs, 250);
      expect(count, 'a plain <p> page (not an article) got claimlens-mark elements').toBe(0);
    });
  });
}
