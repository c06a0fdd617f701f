/**
 * Hostile pages (tests/fixtures/hostile/pages.ts) in a real browser with the
 * default build: on each, the extension throws nothing, the page's own
 * script keeps running, marks land only where they may, the card opens, no
 * page override reaches the extension, and annotation moves nothing by more
 * than 1 px. Run per browser by hostile.chromium/firefox.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName, TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import type { Route, TestServer } from '../../../lib/cli/browser-harness/server';
import { hostilePages, IFRAME_INNER, SEED_SENTENCE } from '../../fixtures/hostile/pages';
import { firstMarkPoint, inspectCards, markLayoutShift, readGlobal, reportMarks } from './hostile-page-scripts';
import { readSentinel, SENTINEL_GLOBAL, withSentinel } from './sentinel';
import { startProxiedSession, type PageWatch, type ProxiedSession } from './watch';
import { sleep } from './poll';

/** Layout tolerance: sub-pixel rounding, never a visible move. */
const MAX_SHIFT_PX = 1;

export function defineHostileSuite(browserName: BrowserName): void {
  describe(`hostile pages in ${browserName}`, () => {
    const pages = hostilePages();
    let server: TestServer | undefined;
    let browser: TestBrowser | undefined;
    let watch: PageWatch | undefined;
    let session: ProxiedSession | undefined;
    const figures: string[] = [];

    beforeAll(async () => {
      const routes: Record<string, Route> = { [IFRAME_INNER.path]: { html: IFRAME_INNER.html } };
      for (const p of pages) routes[`/hostile/${p.name}.html`] = { html: withSentinel(p.html) };
      session = await startProxiedSession(browserName, routes);
      ({ server, browser, watch } = session);
    });

    afterAll(async () => {
      await session?.close();
      console.info(`[e2e ${browserName}] hostile pages:\n  ${figures.join('\n  ')}`);
    });

    it.each(pages.map((p) => [p.name, p] as const))('%s: no extension error, page scripts run, marks only where allowed', async (name, hostile) => {
      const page = browser!.page;
      const w = watch!;
      w.reset();
      await page.goto(server!.url(`/hostile/${name}.html`));
      await w.extensionSettled();
      let marks = await w.evaluate(reportMarks, null);
      for (let tries = 0; hostile.expectMarks && marks.count === 0 && tries < 40; tries++) {
        await sleep(100);
        marks = await w.evaluate(reportMarks, null);
      }
      // The page's own script still runs after the extension did its work.
      const s1 = await w.evaluate(readSentinel, SENTINEL_GLOBAL);
      await sleep(200);
      const s2 = await w.evaluate(readSentinel, SENTINEL_GLOBAL);
      expect(s2.present && s2.loaded, `the page's sentinel script did not run or never saw load (${hostile.about})`).toBe(true);
      expect(s2.ticks, "the page's timer stopped").toBeGreaterThan(s1.ticks);

      expect(marks.forbidden, 'marks inside code, form fields, editable regions or SVG').toEqual([]);
      expect(marks.upgraded, "marks upgraded by the page's custom element definition").toBe(0);
      if (hostile.expectMarks) {
        expect(marks.count, `no marks on ${name}: the extension did no work`).toBeGreaterThan(0);
        expect(marks.texts.join(' ')).toContain(SEED_SENTENCE.split(' ').slice(0, 4).join(' '));
        // The card opens on the page too.
        const point = await w.evaluate(firstMarkPoint, null);
        expect(point, 'no mark could be hovered').not.toBeNull();
        // From a corner first: the pointer may already rest on this spot since the last page.
        await page.mouseMove(1, 1);
        await page.mouseMove(point!.x, point!.y);
        let card = await w.evaluate(inspectCards, null);
        for (let tries = 0; !card.text.includes('Trump') && tries < 30; tries++) {
          await sleep(100);
          card = await w.evaluate(inspectCards, null);
        }
        expect(card.text, 'the card did not open with the claim').toContain('Trump');
      } else {
        expect(marks.count).toBe(0);
      }
      const hits = readHits(await w.evaluate(readGlobal, '__hostile'));
      expect(hits, 'page overrides of built-ins reached the extension').toEqual([]);
      const ce = await w.evaluate(readGlobal, '__ce');
      expect(ce ?? '', "the page's custom element code ran on the extension's elements").not.toMatch(/\(ours\)|connected/);

      const shift = marks.count > 0 ? await w.evaluate(markLayoutShift, null) : null;
      await sleep(100);
      expect(w.extensionErrors, `errors from the extension on ${name}`).toEqual([]);
      expect(w.dialogs).toEqual([]);
      if (w.pageErrors.length) console.info(`[e2e ${browserName}] ${name}: the page's own errors:\n  ${w.pageErrors.join('\n  ')}`);
      figures.push(
        `${name}: ${marks.count} marks, ${w.extensionErrors.length} extension errors, ${w.pageErrors.length} page errors, ` +
          `sentinel ticks ${s1.ticks}→${s2.ticks}` +
          (shift ? `, shift box ${shift.maxBoxShift.toFixed(2)} px / text ${shift.maxTextShift.toFixed(2)} px over ${shift.boxes} boxes` : ''),
      );
      if (shift) {
        expect(shift.maxBoxShift, `an ancestor box of a mark moved on ${name}`).toBeLessThanOrEqual(MAX_SHIFT_PX);
        expect(shift.maxTextShift, `the marked text moved on ${name}`).toBeLessThanOrEqual(MAX_SHIFT_PX);
      }
    });
  });
}

/** The trap hits a hostile page recorded, from its JSON. */
function readHits(json: string | undefined): string[] {
  if (!json) return [];
  return (JSON.parse(json) as { hits?: string[] }).hits ?? [];
}
