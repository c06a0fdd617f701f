// @vitest-environment jsdom
// The gate-first content script (entrypoints/content): on every page it
// only checks the article gate; it asks the background for the annotator,
// once, when the page is (or becomes) an article, and answers the popup
// itself until the annotator runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import content from '../../entrypoints/content';
import { watchPage } from '../../entrypoints/content/watch-page';
import { claimDocument } from '../../lib/annotate/annotator-presence';
import { SETTLE_MS } from '../../lib/annotate/settle';
import type { LoadAnnotatorResult, PageState } from '../../lib/messages';
import { updateSettings } from '../../lib/storage/settings';
import { resetFakeExtension } from '../support/fake-extension';

const ARTICLE_META = '<meta property="og:type" content="article">';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let ctx: ContentScriptContext;
let requests: unknown[];
let answer: Promise<LoadAnnotatorResult>;
let annotator: AbortController | null;

/** Sends a message as the popup does; the gate script answers through sendResponse (it runs without the polyfill). */
async function ask<T>(method: string): Promise<T | undefined> {
  let respond!: (answer: unknown) => void;
  const answered = new Promise<unknown>((resolve) => (respond = resolve));
  const results = await fakeBrowser.runtime.onMessage.trigger({ method }, {} as Browser.runtime.MessageSender, (answer: unknown) => respond(answer));
  // A listener that will answer returns true; none did: no answer.
  return ((results as unknown[]).includes(true) ? await answered : undefined) as T | undefined;
}

/** What the injected annotator does first: claim the document. */
function annotatorStarts(): void {
  annotator = new AbortController();
  expect(claimDocument(annotator.signal)).toBeDefined();
}

beforeEach(async () => {
  await resetFakeExtension();
  document.head.innerHTML = '<title>Opening hours</title>';
  document.body.innerHTML = '<nav><a href="/">Home</a></nav><h1>Opening hours</h1><p>Monday to Friday, 9 to 5.</p>';
  requests = [];
  answer = Promise.resolve({ ok: true });
  annotator = null;
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    requests.push(message);
    return answer;
  }) as typeof fakeBrowser.runtime.sendMessage;
  ctx = new ContentScriptContext('content-test');
});

afterEach(() => {
  ctx.abort();
  annotator?.abort();
});

describe('the gate-first content script', () => {
  it('is declared for every http(s) page at document_idle, with no CSS of its own and no postMessage to the page', () => {
    expect(content.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(content.runAt).toBe('document_idle');
    expect(content.cssInjectionMode).toBeUndefined();
    expect(content.noScriptStartedPostMessage).toBe(true);
  });

  it('asks for nothing on a page that is not an article, and tells the popup so', async () => {
    watchPage(ctx);
    await sleep(SETTLE_MS + 50);
    expect(requests).toEqual([]);
    expect(await ask<PageState>('get-page-state')).toEqual({ site: 'localhost', status: 'not-article', off: null, claims: [] });
    expect(await ask('focus-next-mark')).toBe(false);
    expect(await ask('show-claim')).toBe(false);
    expect(await ask('export-annotations')).toBeNull();
  });

  it("reports the site's switch and the global pause from the stored settings", async () => {
    watchPage(ctx);
    await updateSettings(() => ({ disabledSites: ['localhost'] }));
    expect(await ask<PageState>('get-page-state')).toMatchObject({ status: 'off', off: 'site-off' });
    await updateSettings(() => ({ disabledSites: [], paused: true }));
    expect(await ask<PageState>('get-page-state')).toMatchObject({ status: 'off', off: 'paused' });
  });

  it('asks the background for the annotator once on an article, and leaves the popup to it once it runs', async () => {
    document.head.innerHTML = ARTICLE_META;
    let resolve!: (r: LoadAnnotatorResult) => void;
    answer = new Promise((r) => (resolve = r));
    watchPage(ctx);
    expect(requests).toEqual([{ method: 'load-annotator' }]);
    expect(await ask<PageState>('get-page-state')).toMatchObject({ status: 'working' });

    annotatorStarts();
    resolve({ ok: true });
    await sleep(0);
    expect(await ask('get-page-state')).toBeUndefined();
    expect(await ask('focus-next-mark')).toBeUndefined();

    // Later changes and route changes are the annotator's business: no second request.
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More text arrives.' }));
    history.pushState({}, '', '/next-story');
    await sleep(SETTLE_MS + 50);
    expect(requests).toHaveLength(1);
  });

  it('asks for the annotator when the page becomes an article after load', async () => {
    watchPage(ctx);
    await sleep(SETTLE_MS + 50);
    expect(requests).toEqual([]);
    document.head.insertAdjacentHTML('beforeend', ARTICLE_META);
    await sleep(SETTLE_MS + 100);
    expect(requests).toEqual([{ method: 'load-annotator' }]);
  });

  it('stops with its context', async () => {
    watchPage(ctx);
    ctx.abort();
    document.head.insertAdjacentHTML('beforeend', ARTICLE_META);
    await sleep(SETTLE_MS + 100);
    expect(requests).toEqual([]);
    expect(await ask('get-page-state')).toBeUndefined();
  });

  it('shows an error in the popup when the annotator could not be loaded', async () => {
    document.head.innerHTML = ARTICLE_META;
    answer = Promise.resolve({ ok: false, error: 'Cannot access contents of the page' });
    watchPage(ctx);
    await sleep(0);
    expect(await ask<PageState>('get-page-state')).toMatchObject({ status: 'error', error: 'Cannot access contents of the page' });
  });
});
