/**
 * Wiring of one article page to the browser: settings from storage, matching
 * by the background, the badge, and the messages from the popup and the
 * shortcut. The page's own life (observe, annotate, restore) is
 * lib/annotate/page-session.ts.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimDocument } from '../../lib/annotate/annotator-presence';
import { createBadgeReporter } from '../../lib/annotate/badge-report';
import { startPageSession } from '../../lib/annotate/page-session';
import { toDocumentText } from '../../lib/annotate/document-text';
import { buildWebAnnotations } from '../../lib/annotate/web-annotation';
import { t } from '../../lib/i18n';
import {
  isWireMessage,
  sendToBackground,
  TO_CONTENT_METHODS,
  type AnnotateResult,
  type Handlers,
  type MatchedClaim,
  type ToContent,
} from '../../lib/messages';
import type { ArticleSignal } from '../../lib/page/article-gate';
import { packStateItem } from '../../lib/storage/packs';
import { getSettings, watchSettings } from '../../lib/storage/settings';
import { cardCss, clearCard, renderCard } from './render-card';

/** The hidden text that tells assistive tech what a mark is. */
function describe(claims: MatchedClaim[]): string {
  const parts = claims.map((c) => {
    const asserted = c.stances.filter((s) => s.stance === 'asserts').length;
    const denied = c.stances.filter((s) => s.stance === 'denies').length;
    return `${c.text} (${t('mark.stanceSummary', [String(asserted), String(denied)])})`;
  });
  return t('mark.description', [parts.join(' ')]);
}

/**
 * Starts the annotator in this document unless one already runs there (a
 * second injection does nothing). It lives as long as its context: a newer
 * version of the extension, or the extension going away, ends it.
 */
export function startAnnotator(): void {
  const life = new AbortController();
  const claim = claimDocument(life.signal);
  if (!claim) return;
  // Created after the claim: a context announces itself and would stop an older annotator of the same name.
  const ctx = new ContentScriptContext('annotator', { noScriptStartedPostMessage: true });
  ctx.onInvalidated(() => life.abort());
  annotatePage(ctx, claim.verdict);
}

/**
 * Annotates the current page and keeps it annotated; everything ends with
 * `ctx`. `verdict` is the gate's verdict handed over by the gate script.
 */
export function annotatePage(ctx: ContentScriptContext, verdict: ArticleSignal | null = null): void {
  const session = startPageSession({
    doc: document,
    signal: ctx.signal,
    verdict,
    // Reading isValid is what ends an orphaned script's context (and with it this session).
    alive: () => ctx.isValid,
    match: (text) =>
      sendToBackground('annotate', { text }).catch(
        (error: unknown): AnnotateResult => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      ),
    cardCss,
    renderCard,
    clearCard,
    describe,
    // Sent again when the browser shows this document anew (Back from the
    // back/forward cache, a prerendered page activated): it clears the badge then.
    report: createBadgeReporter({
      doc: document,
      signal: ctx.signal,
      send: (claimIds, off) => {
        // The background may be asleep or reloading; a lost badge update is harmless.
        sendToBackground('page-claims', off ? { claimIds, off } : { claimIds }).catch(() => undefined);
      },
    }),
  });

  const handlers: Handlers<ToContent, null> = {
    'focus-next-mark': () => session.focusNextMark(),
    'get-page-state': () => session.state(),
    'show-claim': ({ claimId }) => session.showClaim(String(claimId)),
    'export-annotations': () => {
      const data = session.annotated();
      if (!data) return null;
      // Selectors count in the document's text, as the Web Annotation model and anchoring tools expect.
      const { text, spans } = toDocumentText(document, data.model, data.annotations);
      return buildWebAnnotations({
        url: location.href,
        title: document.title,
        text,
        spans,
        claims: data.claims,
        created: new Date(),
        version: browser.runtime.getManifest().version,
      });
    },
  };
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!isWireMessage<ToContent>(message, TO_CONTENT_METHODS)) return undefined;
    const handler = handlers[message.method] as (m: typeof message, c: null) => unknown;
    return Promise.resolve(handler(message, null));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const unwatch = watchSettings((settings) => session.setSettings(settings));
  ctx.onInvalidated(unwatch);
  // A pack switched off or removed in the options must not leave its marks and
  // cards on open pages (nor an imported one wait for a reload). The
  // background drops its index as soon as its write of this item completes
  // (and on this same change), well before this page's request for matching
  // can reach it, so matching again sees the new packs.
  ctx.onInvalidated(packStateItem.watch(() => session.rematch()));
  ctx.addEventListener(window, 'wxt:locationchange', () => session.refresh());
  void getSettings().then((settings) => session.setSettings(settings));
}
