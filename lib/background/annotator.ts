/**
 * Loading the annotator into a page that passed the article gate. The
 * content script on every page is only the gate (entrypoints/content); the
 * annotator (entrypoints/annotator: the page session, the card with Preact
 * and DOMPurify) is injected by the background on request, into the
 * requesting document only, with the marks' CSS. Both are files of the
 * package: nothing is web-accessible, so pages cannot probe for them.
 *
 * Needs the `scripting` permission and host permissions for http(s) pages
 * (wxt.config.ts): in Chrome, content-script matches do not grant them.
 */
import { browser, type Browser } from 'wxt/browser';
import type { LoadAnnotatorResult } from '../messages';

/** The annotator's script in the package (WXT's unlisted script `entrypoints/annotator`). */
export const ANNOTATOR_SCRIPT = '/annotator.js';
/** The marks' CSS in the package (`entrypoints/annotator/marks.css`, which WXT emits for the unlisted script). */
export const ANNOTATOR_CSS = '/assets/annotator.css';

/**
 * The cascade origin of the marks' CSS. A user sheet's !important beats every
 * author declaration, !important ones included: as an author sheet, a page
 * rule like `p * { font-size: 2em !important }` (more specific than ours)
 * reached into the marks and moved the text. Every declaration of marks.css
 * is !important for the same reason: a user sheet's normal ones lose to the page.
 */
export const ANNOTATOR_CSS_ORIGIN = 'USER' as const;

/** The document that asked: a frame of a tab, and its document id where the browser has one (Chrome). */
export interface AnnotatorTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/**
 * Injects the annotator into the target document. With a document id the
 * injection cannot land in the next document of the frame if the tab
 * navigated meanwhile; without one (Firefox) the annotator guards itself
 * (it runs the gate and refuses a second start in one document).
 */
export async function injectAnnotator({ tabId, frameId, documentId }: AnnotatorTarget): Promise<LoadAnnotatorResult> {
  const target: Browser.scripting.InjectionTarget = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
  try {
    // CSS first: marks only appear after a round trip for matching, but they never appear unstyled.
    await browser.scripting.insertCSS({ target, files: [ANNOTATOR_CSS], origin: ANNOTATOR_CSS_ORIGIN });
    await browser.scripting.executeScript({ target, files: [ANNOTATOR_SCRIPT] });
    return { ok: true };
  } catch (error) {
    // A tab that closed or navigated away; the page simply stays unannotated.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
