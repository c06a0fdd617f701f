/**
 * The gate-first content script's wiring: it runs on every http(s) page,
 * checks whether the page is an article (again on page and location
 * changes), and asks the background for the annotator when it is. Until an
 * annotator runs in the document, it answers the popup and the shortcut
 * itself. It must stay small: this is all that pages that are not articles
 * pay for, so it imports no card, no renderer and no page session.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { annotatorRunning, handOverVerdict } from '../../lib/annotate/annotator-presence';
import { watchForArticle, type ArticleWatch } from '../../lib/annotate/article-watch';
import { isWireMessage, sendToBackground, TO_CONTENT_METHODS, type Handlers, type PageState, type ToContent } from '../../lib/messages';
import { normalizeSettings, offReason, SETTINGS_KEY, siteOf, type Settings } from '../../lib/storage/settings-values';

/**
 * The settings, read once when the popup asks. The stored value is read
 * directly rather than through the storage item (lib/storage/settings.ts),
 * whose library this script would otherwise carry to every page; it is
 * normalised the same way, so any stored shape reads safely.
 */
async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

/** The page state the popup shows while the gate script alone runs. */
async function pageState(watch: ArticleWatch): Promise<PageState> {
  const url = location.href;
  const off = offReason(await readSettings(), url);
  const status = watch.status();
  const error = watch.error();
  return {
    site: siteOf(url),
    status: off ? 'off' : status === 'failed' ? 'error' : status === 'loading' ? 'working' : 'not-article',
    off,
    ...(error ? { error } : {}),
    claims: [],
  };
}

/** Watches the page for an article; everything ends with `ctx` (the content script's). */
export function watchPage(ctx: ContentScriptContext): void {
  const watch = watchForArticle({
    doc: document,
    signal: ctx.signal,
    // Reading isValid is what ends an orphaned script's context (and with it this watch).
    alive: () => ctx.isValid,
    async load(verdict) {
      handOverVerdict(verdict);
      const result = await sendToBackground('load-annotator', {});
      if (!result.ok) throw new Error(result.error);
    },
  });

  const handlers: Handlers<ToContent, null> = {
    'get-page-state': () => pageState(watch),
    // Nothing is marked before the annotator runs.
    'focus-next-mark': () => false,
    'show-claim': () => false,
    'export-annotations': () => null,
  };
  // This script uses the browser's own API object, not webextension-polyfill
  // (wxt.config.ts), so it answers through sendResponse, which every browser
  // supports, rather than by returning a promise.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): true | undefined => {
    // Once the annotator runs, it answers (from the same world): exactly one listener may.
    if (annotatorRunning() || !isWireMessage<ToContent>(message, TO_CONTENT_METHODS)) return undefined;
    const handler = handlers[message.method] as (m: typeof message, c: null) => unknown;
    void Promise.resolve(handler(message, null)).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // No location watch here: the gate reads only the DOM, so a client-side
  // route change can only turn a page into an article by changing the DOM,
  // which the watch's MutationObserver sees. (The annotator, once it runs,
  // watches the location itself.) This spares every page WXT's location
  // watcher: a Navigation API listener, or a poll every second.
}
