/**
 * A page that behaves like a client-side app (React and the like), defined
 * once and run per browser by spa.chromium.test.ts and spa.firefox.test.ts:
 * it keeps references to the text nodes it rendered and later removes them
 * or inserts before them, and it changes route with history.pushState and
 * fragment links. Its scripts must never throw because of our marks; a route
 * to another article takes the old marks away and marks the new one; a
 * fragment link alone reads nothing again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import { startServer, type TestServer } from '../../../lib/cli/browser-harness/server';
import { builtExtensionDir, type BrowserName } from './paths';
import { pollUntil, sleep } from './ux-harness';

const HACKING = "The intelligence community has assessed that Russia's hacking of Democratic groups and operatives was carried out to help Trump defeat Democrat Hillary Clinton.";
const DENIAL = 'Trump, for his part, has denied that his campaign had any contact with Russian officials.';
const FILLER = 'The city council met on Tuesday evening to discuss the budget for the coming year, and residents filled the hall to hear the plans. ';

/**
 * The app: it renders the claim sentence as its own text node and keeps it,
 * as a framework keeps its fibres' nodes; `__rerender` removes that node and
 * inserts new text before its sibling, recording what throws.
 */
const APP = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>App</title><meta property="og:type" content="article"></head>
<body><article id="story"><h1>A headline</h1><p>${FILLER.repeat(3)}</p><p id="claim"><em id="em"></em><span> Outro words follow here.</span></p><p>${FILLER.repeat(2)}</p></article>
<script>
window.__errors = [];
addEventListener('error', (e) => window.__errors.push(String(e.message)));
const em = document.getElementById('em');
const own = document.createTextNode(${JSON.stringify(HACKING)});
em.appendChild(own);
window.__rerender = () => {
  try {
    em.insertBefore(document.createTextNode('Before. '), own);
    em.removeChild(own);
  } catch (e) {
    window.__errors.push(e.name + ': ' + e.message);
  }
};
window.__route = (path, body) => {
  history.pushState({}, '', path);
  document.getElementById('story').innerHTML = body;
};
</script></body></html>`;

interface View {
  marks: string[];
  errors: string[];
  text: string;
}

/** Test page: its marks' claims, its recorded errors and its article text. */
function readView(): View {
  return {
    marks: [...document.querySelectorAll('claimlens-mark')].map((m) => m.getAttribute('data-claim-ids') ?? ''),
    errors: (window as unknown as { __errors: string[] }).__errors,
    text: document.getElementById('story')?.textContent ?? '',
  };
}

/** Defines the client-side app suite for `browserName`. */
export function defineSpaSuite(browserName: BrowserName): void {
  describe(`a client-side app page in ${browserName}`, () => {
    let server: TestServer;
    let browser: TestBrowser;
    const view = () => browser.page.evaluate(readView, null);

    beforeAll(async () => {
      server = await startServer({ '/app/story-1': { html: APP } });
      browser = await launchWithExtension(browserName, builtExtensionDir(browserName));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lets the app remove and insert around its own marked text node without an error', async () => {
      await browser.page.goto(server.url('/app/story-1'));
      const marked = await pollUntil(view, (v) => v.marks.length > 0, 15_000);
      expect(marked.marks).toEqual(['russia-hacking-aimed-to-help-trump']);
      await browser.page.evaluate(() => (window as unknown as { __rerender: () => void }).__rerender(), null);
      const after = await view();
      expect(after.errors).toEqual([]);
      expect(after.text).toContain('Before. ');
    });

    it('marks the next article after a pushState route, and reads nothing again for a fragment link', async () => {
      const body = `<h1>Next story</h1><p>${FILLER.repeat(4)}</p><p>${DENIAL}</p>`;
      await browser.page.evaluate(({ path, html }) => (window as unknown as { __route: (p: string, b: string) => void }).__route(path, html), { path: '/app/story-2', html: body });
      const next = await pollUntil(view, (v) => v.marks.length > 0 && !v.marks.includes('russia-hacking-aimed-to-help-trump'), 10_000);
      expect(next.marks).toEqual(['trump-campaign-russia-contacts']);
      // A fragment link: same article, same marks (the very same elements).
      await browser.page.evaluate(() => {
        (window as unknown as { __first: Element | null }).__first = document.querySelector('claimlens-mark');
        location.hash = '#section-2';
      }, null);
      await sleep(1500);
      const same = await browser.page.evaluate(() => (window as unknown as { __first: Element | null }).__first === document.querySelector('claimlens-mark'), null);
      expect(same).toBe(true);
      expect((await view()).errors).toEqual([]);
    });
  });
}
