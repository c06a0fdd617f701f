/**
 * Wiring of one page: gate → article root → text model → matcher → marks →
 * card controller, with the page's lifetime tied to the content script's.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import bundledIndex from 'virtual:claimlens/index';
import { loadIndex } from '../../lib/claims/load-index';
import type { RuntimeClaim } from '../../lib/claims/runtime-types';
import { createMatcher } from '../../lib/match/matcher';
import type { Annotation } from '../../lib/match/types';
import { findPageAnnotations, type PageAnnotations } from '../../lib/page/page-annotations';
import { toHighlights } from '../../lib/annotate/highlights';
import { applyMarks } from '../../lib/annotate/marks';
import { createCardController } from '../../lib/annotate/card-controller';
import type { ContentToBackground, WireMessage } from '../../lib/messages';
import { cardCss, clearCard, renderCard } from './render-card';

function send(message: WireMessage<ContentToBackground>) {
  // The background may be asleep or reloading; a lost badge update is harmless.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Annotates the current page once; everything it adds goes away with `ctx`. */
export function annotatePage(ctx: ContentScriptContext): void {
  let claims: RuntimeClaim[] = [];
  let packTitles = new Map<string, string>();
  let found: PageAnnotations | null;
  try {
    found = findPageAnnotations(document, () => {
      const index = loadIndex(bundledIndex);
      claims = index.body.claims;
      packTitles = new Map(index.body.packs.map((p) => [p.id, p.title]));
      return createMatcher(claims);
    });
  } catch (error) {
    // A broken index must never produce marks: show the error state instead.
    send({ method: 'index-error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (!found) return;
  const { model, annotations } = found;
  const claimsById = new Map(claims.map((c) => [c.id, c]));
  const markSet = applyMarks(model, toHighlights(annotations));

  // Each mark's evidence: the annotations whose span covers its highlight.
  const annotationsOfMark = new WeakMap<Element, Annotation[]>();
  for (const { element, highlight } of markSet.marks) {
    annotationsOfMark.set(
      element,
      annotations.filter((a) => a.start <= highlight.start && a.end >= highlight.end),
    );
  }

  createCardController({
    root: model.root,
    css: cardCss,
    signal: ctx.signal,
    render: (container, mark) => renderCard(container, annotationsOfMark.get(mark) ?? [], claimsById, packTitles),
    clear: clearCard,
  });
  ctx.signal.addEventListener('abort', () => markSet.remove(), { once: true });
  send({ method: 'page-claims', claimIds: [...new Set(annotations.map((a) => a.claimId))] });
}
