// A prerendered article in Chromium: the reader stays on a page without
// claims while the article is prerendered (and annotated) in the background;
// the badge must keep saying nothing until the reader follows the link, and
// then show the article's count. Driven through the extension's service
// worker (support/bare-chromium.ts): a driver's DevTools session on a page
// turns prerendering off.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../lib/cli/browser-harness/server';
import { launchBareChromium, type BareChromium } from './support/bare-chromium';
import { builtExtensionDir, seedPagePath, sharedFixturesAvailable } from './support/paths';
import { pollUntil, sleep } from './support/poll';

const SEED_PATH = '/news/2017/03/02/seed-article.html';
/** Not an article; it asks Chromium to prerender the seed article at once. */
const START_HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Start</title>' +
  `<script type="speculationrules">{"prerender":[{"source":"list","urls":["${SEED_PATH}"],"eagerness":"immediate"}]}</script>` +
  `</head><body><p>Hello</p><p><a id="go" href="${SEED_PATH}">Read the story</a></p></body></html>`;
/** Added to the seed page: records whether the first mark appeared while the page was still prerendering. */
const RECORDER =
  '<script>new MutationObserver((_, observer) => { if (!document.querySelector("claimlens-mark")) return;' +
  ' window.__markedWhilePrerendering = document.prerendering === true; observer.disconnect(); })' +
  '.observe(document, { childList: true, subtree: true });</script>';
/** Time for the prerendered page's marks and report after it asked for matching. */
const REPORT_GRACE_MS = 1500;

interface Seen {
  method?: string;
  lifecycle?: string;
}

describe.skipIf(!sharedFixturesAvailable())('a prerendered article in chromium', () => {
  let server: TestServer;
  let browser: BareChromium;

  beforeAll(async () => {
    const seed = readFileSync(seedPagePath, 'utf8').replace(/<head[^>]*>/i, (head) => head + RECORDER);
    server = await startServer({ '/start.html': { html: START_HTML }, [SEED_PATH]: { html: seed } });
    browser = await launchBareChromium(builtExtensionDir('chromium'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("keeps the badge of the page the reader is on, and shows the article's count once the prerendered article is shown", async () => {
    const started = Date.now();
    // Every message the background gets, with the sender's document lifecycle (a second listener that never answers).
    await browser.evaluate(`globalThis.__seen = []; chrome.runtime.onMessage.addListener((m, s) => { __seen.push({ method: m && m.method, lifecycle: s.documentLifecycle }); }); 1`);
    const tabId = await browser.evaluate<number>(`chrome.tabs.create({ url: ${JSON.stringify(server.url('/start.html'))} }).then((t) => t.id)`);

    const asked = await pollUntil(
      () => browser.evaluate<Seen[]>('__seen'),
      (seen) => seen.some((s) => s.method === 'annotate' && s.lifecycle === 'prerender'),
      15_000,
    );
    expect(asked, 'the prerendered article never asked for matching: was it prerendered?').toContainEqual({ method: 'annotate', lifecycle: 'prerender' });
    await sleep(REPORT_GRACE_MS);
    const badge = () => browser.evaluate<string>(`chrome.action.getBadgeText({ tabId: ${tabId} })`);
    expect(await badge(), 'the badge of the page without claims shows the prerendered article\'s count').toBe('');

    // The reader follows the link (a click in the page, so the prerendered page is activated).
    await browser.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: () => document.getElementById('go').click() }).then(() => 1)`);
    const read = () =>
      browser.evaluate<{ href: string; activationStart: number; markedWhilePrerendering: boolean | null; claimIds: number }>(
        `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, world: 'MAIN', func: () => ({
          href: location.href,
          activationStart: performance.getEntriesByType('navigation')[0].activationStart,
          markedWhilePrerendering: window.__markedWhilePrerendering ?? null,
          claimIds: new Set([...document.querySelectorAll('claimlens-mark')].flatMap((m) => m.getAttribute('data-claim-ids').split(' '))).size,
        }) }).then((r) => r[0].result)`,
      );
    const shown = await pollUntil(() => read().catch(() => undefined), (p) => p?.href.endsWith(SEED_PATH) === true, 5000);
    console.info(`[e2e chromium] prerendered article shown: ${JSON.stringify(shown)}`);
    expect(shown?.activationStart, 'the article was loaded afresh, not activated from a prerender').toBeGreaterThan(0);
    expect(shown?.markedWhilePrerendering, 'the article was not marked while prerendering').toBe(true);
    const count = String(shown!.claimIds);

    expect(await pollUntil(badge, (t) => t === count, 5000)).toBe(count);
    const state = await browser.evaluate<{ status: string; claims: unknown[] }>(`chrome.tabs.sendMessage(${tabId}, { method: 'get-page-state' })`);
    expect(state.status).toBe('annotated');
    expect(state.claims).toHaveLength(shown!.claimIds);
    console.info(`[e2e chromium] prerender test took ${Date.now() - started} ms`);
  });
});
