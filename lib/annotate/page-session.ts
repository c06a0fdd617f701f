/**
 * One page's life with Claimlens: annotate it once the content is there,
 * again when the page changes its content (infinite scroll, a lazily loaded
 * body, a client-side route change), and take every mark away, restoring the
 * page's DOM exactly, when Claimlens is switched off for it.
 *
 * Matching runs in the background (it holds the index); this side reads the
 * page: gate, article root and text model, built in slices that yield to
 * the page, then wraps the marks in slices too. Page changes are batched
 * (one MutationObserver, a short debounce), and a run whose text is what is
 * already annotated does nothing, so rotating ads cost a text walk at most.
 */
import type { PageState } from '../messages';
import { articleSignal } from '../page/article-gate';
import { findArticleRoot } from '../page/article-root';
import type { TextModel } from '../page/text-model';
import type { HighlightStyle, Settings } from '../storage/settings';
import { offReason, siteOf } from '../storage/settings';
import { isDesignMode, watchDesignMode } from './design-mode';
import { watchDom } from './dom-watch';
import { focusedMark, restoreFocus, type FocusedMark } from './focus-keeper';
import { markAfter, revealMark } from './mark-navigation';
import { checkAliveOnReturn } from './orphan-check';
import { createAnnotatedPage, type AnnotatedPage, type CardItem } from './annotated-page';
import { readTextModel } from './read-article';
import { attachCard, type SessionCard } from './session-card';
import { createSettler } from './settle';
import { createSlicer } from './slices';
import { MARK_TAG } from './tags';
import { unwrapMarks } from './marks';
import type { PageSession, PageSessionOptions } from './page-session-types';

export { MAX_WAIT_MS, SETTLE_MS } from './settle';

/** How often in a row marks the page took out (with its text unchanged) are put back. */
export const MAX_RESTORES = 2;

export type { PageSession, PageSessionOptions } from './page-session-types';

/** Starts the session; it ends with `options.signal`. */
export function startPageSession(options: PageSessionOptions): PageSession {
  const { doc, signal } = options;
  let settings: Settings | null = null;
  let status: PageState['status'] = 'working';
  let error: string | undefined;
  let page: AnnotatedPage | null = null;
  let controller: SessionCard | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let verdict = options.verdict ?? null;
  /** The sensitivity changed since the page was matched: the next run matches again even if the text is the same. */
  let rematch = false;
  /** Runs in a row that marked the same text again because the page had taken the marks out. */
  let restores = 0;
  /** The page took out every mark more than MAX_RESTORES times: it shows none, nor do the badge and popup. */
  let gaveUp = false;
  /** The mark the reader's focus was on when the marks were taken out to be written again. */
  let lostFocus: FocusedMark | null = null;
  // Debounced, but a page that never stops changing is still annotated within MAX_WAIT_MS.
  const settle = createSettler(() => kick(), signal);

  const isOurs = (node: Node) => {
    const host = controller?.card.host;
    return !!host && (node === host || host.contains(node));
  };
  // The text model reads these attributes: a region the page makes editable
  // (an inline editor) must lose its marks before the writer saves them with
  // the text, and text a "read more" reveals by taking `hidden` away is new
  // text to read. Not style or aria-hidden: animations change the one all the
  // time, and carousels the other on every slide, which would mark again.
  const dom = watchDom(doc, isOurs, onPageChange, signal, ['contenteditable', 'hidden']);
  const url = () => doc.defaultView?.location.href;

  /**
   * Takes our marks and card out, then every mark left under the last root
   * and under `next` (the root about to be read): copies the page made of
   * marked HTML (innerHTML) are not ours to track, and no run has seen them.
   */
  function teardown(next?: Element) {
    const roots = new Set<Element>();
    if (page) roots.add(page.root);
    if (next) roots.add(next);
    if (!controller && roots.size === 0) return;
    dom.ours(() => {
      controller?.abort.abort();
      controller = null;
      page?.remove();
      page = null;
      for (const root of roots) unwrapMarks(root);
    });
  }

  /**
   * Closes the card at once when the page took its mark out: it would stay
   * until the next run at a stale place (the top left corner), over the page.
   * Reading focus first, as markAfresh does: hiding the card drops a focus inside it.
   */
  function onPageChange() {
    const card = controller?.card;
    if (card?.openMark && !card.openMark.isConnected) {
      lostFocus = focusedMark(doc, card) ?? lostFocus;
      card.close();
    }
    settle.schedule();
  }

  /** Takes the marks out to write them anew, noting the mark the reader's focus is on. */
  function markAfresh(root: Element) {
    lostFocus = focusedMark(doc, controller?.card) ?? lostFocus;
    teardown(root);
  }

  function kick() {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((e: unknown) => {
        status = 'error';
        error = e instanceof Error ? e.message : String(e);
      })
      .finally(() => {
        running = null;
        if (again && !signal.aborted) {
          again = false;
          kick();
        }
      });
  }

  async function run(): Promise<void> {
    if (!settings || signal.aborted || (options.alive && !options.alive())) return;
    // A handed-over verdict is only as fresh as the first run.
    const known = verdict;
    verdict = null;
    const off = offReason(settings, url());
    if (off) {
      teardown();
      status = 'off';
      options.report([], off);
      return;
    }
    // A document in designMode is being edited as a whole (design-mode.ts): nothing of it is marked.
    const root = !isDesignMode(doc) && (known ?? articleSignal(doc)) ? findArticleRoot(doc) : null;
    if (!root) {
      teardown();
      status = 'not-article';
      options.report([], null);
      return;
    }
    /** The marks, when they may be kept (see adopt-marks.ts), and the reading of the text with them in place. */
    let kept: AnnotatedPage | null = null;
    let reading: TextModel | null = null;
    if (page && page.root === root && status !== 'error' && !rematch) {
      // Marks split text nodes but keep the text: equal text means nothing new to read.
      const current = await readTextModel(root, signal);
      if (!current) return;
      const sameText = current.text === page.model.text;
      const intact = page.intact();
      if (sameText && intact) return;
      if (intact) {
        kept = page;
        reading = current;
      }
      // Same text but marks gone: the page re-rendered. Mark it again, but not
      // forever against a page that removes whatever is added.
      restores = sameText ? restores + 1 : 0;
      if (restores > MAX_RESTORES) {
        if (!gaveUp) options.report([], null);
        gaveUp = true;
        return;
      }
    } else {
      restores = 0;
    }
    if (!kept) markAfresh(root);
    status = 'working';
    rematch = false;
    let model = reading ?? (await readTextModel(root, signal));
    if (!model || signal.aborted) return;
    const result = await options.match(model.text);
    if (signal.aborted || !settings || offReason(settings, url()) || isDesignMode(doc)) return;
    // The page may have changed while the background matched: start over with the new text.
    let stale = !model.segments.every((s) => s.node.isConnected && s.node.data.length === s.end - s.start);
    if (kept) {
      // Marks that mark what this reading would stay, and the reader's card with them.
      if (!stale && result.ok && kept.adopt(model, result)) {
        status = 'annotated';
        error = undefined;
        options.report(kept.claimIds(), null);
        return;
      }
      // Others go. Marks keep the text, so this reading's matches hold for the text without them.
      markAfresh(root);
      if (result.ok && !stale) {
        model = await readTextModel(root, signal);
        if (!model || signal.aborted) return;
        stale = model.text !== reading!.text;
      }
    }
    if (!result.ok) {
      status = 'error';
      error = result.error;
      return;
    }
    if (stale) {
      again = true;
      return;
    }
    const style = settings.highlightStyle;
    const created = await createAnnotatedPage(model, result, {
      write: (w) => dom.ours(w),
      slicer: createSlicer(),
      aborted: () => signal.aborted,
      describe: options.describe,
      style,
    });
    if (signal.aborted) {
      dom.ours(() => created.remove());
      return;
    }
    page = created;
    gaveUp = false;
    // The style may have changed while the marks were written (setSettings saw no page then).
    if (settings.highlightStyle !== style) dom.ours(() => created.setStyle(settings!.highlightStyle));
    dom.ours(() => (controller = attachCard(created, root, options, signal)));
    status = 'annotated';
    error = undefined;
    // After the card controller exists (the card opens again), and once only: no card opens later out of the blue.
    if (lostFocus) restoreFocus(doc, root.querySelectorAll(MARK_TAG), lostFocus);
    lostFocus = null;
    options.report(page.claimIds(), null);
  }

  signal.addEventListener('abort', () => teardown(), { once: true });

  // At once, before the edit the event announces lands in a mark; the run then reports no claims.
  watchDesignMode(
    doc,
    () => page !== null || controller !== null,
    () => {
      teardown();
      settle.schedule(0);
    },
    signal,
  );

  // An orphaned session leaves the page as it was as soon as the reader is back on it.
  if (options.alive) checkAliveOnReturn(doc, options.alive, () => teardown(), signal);

  const marks = () => page?.markElements() ?? [];

  return {
    setSettings(next) {
      const styleChanged = settings !== null && settings.highlightStyle !== next.highlightStyle;
      if (settings !== null && settings.sensitivity !== next.sensitivity) rematch = true;
      settings = next;
      if (styleChanged && page) {
        const style: HighlightStyle = next.highlightStyle;
        dom.ours(() => page?.setStyle(style));
      }
      kick();
    },
    refresh: () => settle.schedule(0),
    rematch() {
      rematch = true;
      kick();
    },
    state() {
      const reason = settings ? offReason(settings, url()) : null;
      return { site: siteOf(url()), status, off: reason, ...(error ? { error } : {}), claims: (!gaveUp && page?.summaries()) || [] };
    },
    focusNextMark() {
      const next = markAfter(marks(), doc.activeElement, controller?.card);
      if (next) revealMark(next, controller?.card);
      return next !== null;
    },
    showClaim(claimId) {
      const mark = marks().find((m) => (m.getAttribute('data-claim-ids') ?? '').split(' ').includes(claimId));
      if (mark) revealMark(mark, controller?.card);
      return mark !== undefined;
    },
    annotated: () => page?.exportData() ?? null,
    async idle() {
      while (running || settle.pending) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, 20)));
      }
    },
  };
}

/** What the card renderer receives for one claim (re-exported for the content script). */
export type { CardItem };
