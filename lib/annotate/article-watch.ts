/**
 * What the small content script does on every page: decide whether the
 * page is an article, at once and again whenever the page changes its
 * content (a client-side route change included: the gate reads only the
 * DOM), and ask for the annotator (once per document)
 * as soon as it is. The annotator then takes the page over: its session
 * re-checks the gate on every later change. A request that fails (the
 * background asleep or being reloaded) is made again on a later page change,
 * a few times at most.
 *
 * This module is all the content script carries on pages that are not
 * articles, with the gate (lib/page/article-gate.ts), so it imports nothing
 * heavy: no card, no renderer, no matching.
 */
import { articleSignal, type ArticleSignal } from '../page/article-gate';
import { watchDom } from './dom-watch';
import { createSettler } from './settle';

/** What the content script gives the watch. */
export interface ArticleWatchOptions {
  doc: Document;
  signal: AbortSignal;
  /**
   * Loads the annotator into this document (resolves once it runs). Called
   * once, and again after a failure on a later page change (settled), at
   * most MAX_LOAD_TRIES times in all.
   */
  load(verdict: ArticleSignal): Promise<void>;
  /**
   * False once the extension is gone (reloaded or updated while the page
   * stays open): the watch then stops for good. Asked before each check,
   * because nothing else tells an orphaned content script (ctx.isValid).
   */
  alive?: () => boolean;
}

/**
 * How many times in all the annotator is asked for. A failure is often
 * transient (a background service worker waking up, the extension
 * reloading), so a later page change tries again; but a page that keeps
 * changing must not keep asking a background that keeps failing.
 */
export const MAX_LOAD_TRIES = 3;

/**
 * `watching`: not an article (yet); `loading`: the annotator was asked for;
 * `loaded`: it was injected; `failed`: it could not be (see `error`); a later page change tries again
 * while tries are left.
 */
export type ArticleWatchStatus = 'watching' | 'loading' | 'loaded' | 'failed';

/** The watch's handle. */
export interface ArticleWatch {
  status(): ArticleWatchStatus;
  /** Why loading failed, when it did. */
  error(): string | undefined;
}

/** Checks the page now and watches it until it is an article or `options.signal` aborts. */
export function watchForArticle(options: ArticleWatchOptions): ArticleWatch {
  const { doc } = options;
  let status: ArticleWatchStatus = 'watching';
  let error: string | undefined;
  let tries = 0;
  // The watching ends with the content script, once the annotator runs, or when no tries are left.
  const watching = new AbortController();
  options.signal.addEventListener('abort', () => watching.abort(), { once: true });
  const settle = createSettler(() => check(), watching.signal);

  function check(): void {
    // While a request is out the page's changes wait: one request at a time.
    if (status === 'loading' || status === 'loaded' || watching.signal.aborted) return;
    if (options.alive && !options.alive()) {
      watching.abort();
      return;
    }
    const verdict = articleSignal(doc);
    if (!verdict) return;
    status = 'loading';
    tries++;
    options.load(verdict).then(
      () => {
        status = 'loaded';
        error = undefined;
        watching.abort();
      },
      (e: unknown) => {
        status = 'failed';
        error = e instanceof Error ? e.message : String(e);
        // No retry at once (that would be a loop against a failing background): the next settled page change tries.
        if (tries >= MAX_LOAD_TRIES) watching.abort();
      },
    );
  }

  // Our own DOM writes: none, so every record is the page's.
  // The gate also reads attributes: og:type's content, a paragraph's hidden and aria-hidden, itemtype, a script's type
  // (not style: animations change it all the time, and an inline display:none is rarely the only change).
  watchDom(doc, () => false, () => settle.schedule(), watching.signal, ['content', 'hidden', 'aria-hidden', 'itemtype', 'type']);
  check();

  return {
    status: () => status,
    error: () => error,
  };
}
