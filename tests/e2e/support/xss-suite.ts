/**
 * XSS through claim data, end to end: a build of the extension with the
 * generated hostile pack (xss-pack.ts), a page carrying every claim's
 * sentence, and every card opened by hovering its mark. No payload may run
 * (no sentinel global, no dialog, no request under /__xss/), no card may hold
 * markup or a link other than http(s), and every vector must be shown, as
 * text. Run per browser by xss.chromium/firefox.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type BrowserName, type TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import { startServer, type TestServer } from '../../../lib/cli/browser-harness/server';
import { XSS_BEACON_PATH, XSS_SENTINEL, XSS_VECTORS } from '../../fixtures/xss/vectors';
import { buildVariant } from './build-variant';
import { inspectCards, readGlobal, type CardInspection } from './hostile-page-scripts';
import { countMarks, pointAwayFromMarks, targetMark } from './page-scripts';
import { builtOutputDir } from './paths';
import { watchPage, type PageWatch } from './watch';
import { makeXssPack, xssPageHtml } from './xss-pack';
import { sleep } from './poll';

const PAGE_PATH = '/news/regional-budget.html';

export function defineXssSuite(browserName: BrowserName): void {
  describe(`XSS through claim data in ${browserName}`, () => {
    const generated = makeXssPack();
    let server: TestServer | undefined;
    let browser: TestBrowser | undefined;
    let watch: PageWatch | undefined;
    const cards = new Map<string, CardInspection>();

    beforeAll(async () => {
      // Generated at test time into .output/ (git-ignored), never committed.
      const packFile = path.join(builtOutputDir, 'xss', 'xss-corpus.pack.json');
      mkdirSync(path.dirname(packFile), { recursive: true });
      writeFileSync(packFile, JSON.stringify(generated.pack, null, 1));
      const extensionDir = buildVariant(browserName, 'xss', [packFile]);
      server = await startServer({ [PAGE_PATH]: { html: xssPageHtml(generated.sentences) } });
      browser = await launchWithExtension(browserName, extensionDir, { proxy: server.origin });
      watch = await watchPage(browser);
      await browser.page.goto(server.url(PAGE_PATH));
      await watch.extensionSettled();
      for (let tries = 0; tries < 50 && (await browser.page.evaluate(countMarks, null)) < generated.claimIds.length; tries++) await sleep(100);
    }, 240_000);

    afterAll(async () => {
      await watch?.dispose();
      await browser?.close();
      await server?.close();
    });

    it(`marks every claim's sentence (${generated.claimIds.length} claims carrying ${XSS_VECTORS.length} vectors)`, async () => {
      expect(await browser!.page.evaluate(countMarks, null)).toBe(generated.claimIds.length);
    });

    it('opens the card of every mark, and each shows its hostile fields as text', async () => {
      const page = browser!.page;
      for (const [i, claimId] of generated.claimIds.entries()) {
        // Escape closes the previous card at once, so it cannot cover this mark.
        await page.press('Escape');
        const target = await page.evaluate(targetMark, { claimId });
        expect(target, `no mark carries ${claimId}`).not.toBeNull();
        await page.mouseMove(target!.x, target!.y);
        let card = await page.evaluate(inspectCards, null);
        for (let tries = 0; !card.text.includes(generated.sentences[i]!) && tries < 40; tries++) {
          await sleep(50);
          card = await page.evaluate(inspectCards, null);
        }
        expect(card.text, `hovering the mark of ${claimId} did not show its card`).toContain(generated.sentences[i]!);
        cards.set(claimId, card);
      }
      const { x, y } = await page.evaluate(pointAwayFromMarks, null);
      await page.mouseMove(x, y);
      expect(cards.size).toBe(generated.claimIds.length);
      // Every vector reached a card and was shown verbatim, as text.
      const shown = [...cards.values()].map((c) => c.text).join('\n');
      const notShown = XSS_VECTORS.filter((v) => !shown.includes(v.trim()));
      expect(notShown, 'vectors that no card showed as text').toEqual([]);
    });

    it('runs no payload: no sentinel global, no dialog, no request for a payload URL, no extension error', async () => {
      expect(cards.size, 'the cards were not opened').toBe(generated.claimIds.length);
      await sleep(500); // Let anything that was going to fire (onerror, onload, timers) fire.
      const page = browser!.page;
      expect(await page.evaluate(readGlobal, XSS_SENTINEL), `window.${XSS_SENTINEL} was set: a payload ran`).toBeUndefined();
      expect(watch!.dialogs, 'a payload opened a dialog').toEqual([]);
      const beacons = server!.requests.filter((r) => r.url.includes(XSS_BEACON_PATH)).map((r) => r.url);
      expect(beacons, 'markup from claim data was parsed as HTML (it requested a payload URL)').toEqual([]);
      expect(watch!.extensionErrors).toEqual([]);
    });

    it('puts no markup in any card: no dangerous elements, no event handlers, only the card style', () => {
      const problems: string[] = [];
      for (const [id, card] of cards) {
        if (card.dangerous.length || card.handlers.length || card.styles !== 1) {
          problems.push(`${id}: ${[...card.dangerous, ...card.handlers].join(', ')} (${card.styles} <style>)`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('links only to http(s) URLs in every card', () => {
      const hrefs = [...cards.values()].flatMap((c) => c.hrefs);
      const bad = hrefs.filter((h) => !/^https?:\/\//i.test(h) || !['http:', 'https:'].includes(new URL(h).protocol));
      console.info(`[e2e ${browserName}] XSS: ${cards.size} cards opened, ${XSS_VECTORS.length} vectors shown as text, ${hrefs.length} links, all http(s): ${bad.length === 0}`);
      expect(hrefs.length, 'no links at all: the URL vectors were not exercised').toBeGreaterThan(0);
      expect(bad, 'links with a scheme other than http(s)').toEqual([]);
    });
  });
}
