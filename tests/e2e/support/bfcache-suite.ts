/**
 * The badge and the popup across navigations of one tab, defined once and
 * run per browser by bfcache.chromium.test.ts and bfcache.firefox.test.ts:
 * the seed article, then a page without claims (the badge must clear), then
 * Back, which restores the article from the back/forward cache with its
 * marks but without running any of the extension's scripts again. The
 * browser clears the badge on that navigation too, so the badge and the
 * popup must again say what the restored page's marks say.
 *
 * Chromium is launched with its back/forward cache on (Playwright turns it
 * off by default); the test checks that Back really restored the document
 * (`pageshow` with `persisted`), so it cannot pass by reloading the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import { startServer, type TestServer } from '../../../lib/cli/browser-harness/server';
import { builtExtensionDir, seedPagePath, sharedDir, sharedFixturesAvailable, type BrowserName } from './paths';
import { EXTENSION_PAGE_LAUNCH, newExtensionPage, pollUntil, sleep, type ExtensionPage } from './ux-harness';
import { badgeText, findContentTab, messageTab, readPopup } from './ux-scripts';

const SEED_PATH = '/news/2017/03/02/seed-article.html';
const PLAIN_PATH = '/plain.html';
/** A page that is not an article and holds no claim. */
const PLAIN_HTML = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hello</title></head><body><p>Hello</p></body></html>';
const MARKS_TIMEOUT_MS = 15_000;
/** Marks count as settled once their claims hold this long. */
const MARKS_QUIET_MS = 1_000;
/** How long the badge may take to follow a navigation. */
const BADGE_BUDGET_MS = 5_000;

/** Test page: what the page's marks say, and whether the document came back from the back/forward cache. */
interface PageView {
  href: string;
  marks: number;
  claimIds: string[];
  restored: boolean;
  navigationType: string;
}

/** Test page (main world): records a `pageshow` that restores this document. */
function recordRestores(): void {
  const w = window as unknown as { __bfcacheRestored?: boolean };
  w.__bfcacheRestored = false;
  addEventListener('pageshow', (event) => {
    if (event.persisted) w.__bfcacheRestored = true;
  });
}

/** Test page: reads its marks and restore record. */
function readPage(): PageView {
  const marks = [...document.querySelectorAll('claimlens-mark')];
  const ids = new Set(marks.flatMap((m) => (m.getAttribute('data-claim-ids') ?? '').split(' ').filter(Boolean)));
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    href: location.href,
    marks: marks.length,
    claimIds: [...ids].sort(),
    restored: (window as unknown as { __bfcacheRestored?: boolean }).__bfcacheRestored === true,
    navigationType: navigation?.type ?? '',
  };
}

export function defineBfcacheSuite(browserName: BrowserName): void {
  const available = sharedFixturesAvailable();
  if (!available) console.warn(`[e2e ${browserName}] skipped: the shared seed fixture is missing (expected it under ${sharedDir}).`);

  describe.skipIf(!available)(`badge and popup across back/forward navigation in ${browserName}`, () => {
    let server: TestServer;
    let browser: TestBrowser;
    let popup: ExtensionPage;
    const view = () => browser.page.evaluate(readPage, null);
    const badge = (tabId: number) => popup.evaluate(badgeText, tabId);

    /** Goes back in the test tab without waiting for a load event (a restored page fires none). */
    async function goBack(): Promise<void> {
      const { driver } = browser;
      if (driver.kind === 'playwright') await driver.page.goBack({ waitUntil: 'commit' });
      else void driver.page.goBack().catch(() => undefined);
    }

    beforeAll(async () => {
      // Cacheable: Firefox keeps no `no-store` page in its back/forward cache (Chromium does, these days).
      server = await startServer({ [SEED_PATH]: { file: seedPagePath, cacheable: true }, [PLAIN_PATH]: { html: PLAIN_HTML } });
      browser = await launchWithExtension(browserName, builtExtensionDir(browserName), { ...EXTENSION_PAGE_LAUNCH, backForwardCache: true });
      popup = await newExtensionPage(browser);
    });

    afterAll(async () => {
      await popup?.close().catch(() => undefined);
      await browser?.close();
      await server?.close();
    });

    it('clears the badge on a page without claims, and shows the article\'s count again when Back restores it', async () => {
      const started = Date.now();
      await browser.page.goto(server.url(SEED_PATH));
      await browser.page.evaluate(recordRestores, null);
      let seed = await pollUntil(view, (v) => v.claimIds.length > 0, MARKS_TIMEOUT_MS);
      // Settled: the same claims for MARKS_QUIET_MS.
      for (let previous = ''; JSON.stringify(seed.claimIds) !== previous; ) {
        previous = JSON.stringify(seed.claimIds);
        await sleep(MARKS_QUIET_MS);
        seed = await view();
      }
      expect(seed.claimIds.length, 'the seed article was not annotated').toBeGreaterThan(0);
      const count = String(seed.claimIds.length);

      await popup.open('/popup.html?tab=-1');
      const tabId = await popup.evaluate(findContentTab, null);
      expect(tabId, 'no tab with a Claimlens content script answered').not.toBeNull();
      expect(await pollUntil(() => badge(tabId!), (t) => t === count, BADGE_BUDGET_MS)).toBe(count);

      // Forward to a page without claims: no badge, and the popup lists nothing.
      await browser.page.goto(server.url(PLAIN_PATH));
      expect(await pollUntil(() => badge(tabId!), (t) => t === '', BADGE_BUDGET_MS)).toBe('');
      const plain = await pollUntil(
        () => popup.evaluate(messageTab, { tabId: tabId!, message: { method: 'get-page-state' } }) as Promise<{ status: string; claims: unknown[] }>,
        (s) => s?.status === 'not-article',
      );
      expect(plain).toMatchObject({ status: 'not-article', claims: [] });
      expect(await badge(tabId!), 'the plain page got a badge').toBe('');

      // Back: the article comes back from the back/forward cache, marks and all.
      const back = Date.now();
      await goBack();
      const restored = await pollUntil(view, (v) => v.href === server.url(SEED_PATH) && v.restored, BADGE_BUDGET_MS);
      console.info(`[e2e ${browserName}] after Back: restored from bfcache=${restored.restored}, navigation type=${restored.navigationType}`);
      expect(restored.restored, `Back did not restore the article from the back/forward cache (navigation type ${restored.navigationType})`).toBe(true);
      expect(restored.claimIds).toEqual(seed.claimIds);
      expect(restored.marks).toBe(seed.marks);

      const shown = await pollUntil(() => badge(tabId!), (t) => t === count, BADGE_BUDGET_MS);
      console.info(`[e2e ${browserName}] badge after Back: "${shown}" (marks say ${count}) after ${Date.now() - back} ms`);
      expect(shown, 'the badge after Back does not match the restored page\'s marks').toBe(count);

      await popup.open(`/popup.html?tab=${tabId}`);
      const listed = await pollUntil(() => popup.evaluate(readPopup, null), (s) => s.claims.length === seed.claimIds.length);
      expect(listed.claims.map((c) => c.id).sort()).toEqual(seed.claimIds);
      console.info(`[e2e ${browserName}] back/forward test took ${Date.now() - started} ms`);
    });
  });
}
