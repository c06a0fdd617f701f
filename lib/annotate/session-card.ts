/**
 * The card of one annotated page: its controller (card-controller.ts) wired
 * to the page's marks, with a lifetime of its own that also ends with the
 * session's, so that marking afresh can drop the card without ending the session.
 */
import type { AnnotatedPage } from './annotated-page';
import { createCardController, type CardController } from './card-controller';
import type { PageSessionOptions } from './page-session-types';

/** A page's card and what ends it. */
export interface SessionCard {
  card: CardController;
  abort: AbortController;
}

/**
 * Creates the card for `page` (marks under `root`) and hangs the marks'
 * descriptions on its host. Call it inside the session's own DOM writes.
 */
export function attachCard(
  page: AnnotatedPage,
  root: Element,
  options: Pick<PageSessionOptions, 'cardCss' | 'renderCard' | 'clearCard'>,
  signal: AbortSignal,
): SessionCard {
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop, { once: true });
  abort.signal.addEventListener('abort', () => signal.removeEventListener('abort', stop), { once: true });
  const card = createCardController({
    root,
    css: options.cardCss,
    signal: abort.signal,
    render: (container, mark) => options.renderCard(container, page.cardItems(mark)),
    sameRun: (a, b) => page.sameRun(a, b),
    clear: options.clearCard,
  });
  page.attachDescriptions(card.host);
  return { card, abort };
}
