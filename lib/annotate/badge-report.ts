/**
 * Keeps the toolbar badge in step with the document that is actually shown.
 *
 * The browser clears a tab's badge on every navigation of the tab, including
 * the two that bring back a document whose scripts already ran and will not
 * run again:
 * - a back/forward-cache restore (the page comes back with its marks, and
 *   `pageshow` fires with `persisted`);
 * - the activation of a prerendered page (`prerenderingchange`).
 * So the page's last report is sent again on both. A prerendered page is not
 * shown yet, and its tab still shows the page the reader is on: its reports
 * wait for the activation instead of overwriting that page's badge.
 */

import type { PageSessionOptions } from './page-session';

/** One report of the page's claims, or of why there are none (PageSessionOptions.report). */
type Report = PageSessionOptions['report'];

/** What the badge reporter needs from the annotator. */
export interface BadgeReporterOptions {
  doc: Document;
  /** Ends the reporter with the annotator: no more sends, no listeners left. */
  signal: AbortSignal;
  /** Sends one report to the background (which sets the badge). */
  send: Report;
}

/** True while `doc` is being prerendered (Chromium; no other engine has the property). */
function prerendering(doc: Document): boolean {
  return (doc as Document & { prerendering?: boolean }).prerendering === true;
}

/**
 * Creates the report function of a page session (PageSessionOptions.report):
 * it sends each report at once unless the document is still prerendering,
 * and sends the latest again when the document is shown after all.
 */
export function createBadgeReporter({ doc, signal, send }: BadgeReporterOptions): Report {
  let latest: Parameters<Report> | null = null;
  const resend = () => {
    if (latest && !signal.aborted && !prerendering(doc)) send(...latest);
  };
  doc.addEventListener('prerenderingchange', resend, { signal });
  doc.defaultView?.addEventListener(
    'pageshow',
    (event) => {
      // A first load's badge is set by the reports themselves; only a restored document lost it.
      if (event.persisted) resend();
    },
    { signal },
  );
  return (claimIds, off) => {
    latest = [claimIds, off];
    resend();
  };
}
