/**
 * Moving the reader between marks: the next-mark keyboard shortcut and the
 * popup's "show claim". Both scroll the mark into the middle of the view,
 * focus it and open its card.
 */
import type { CardController } from './card-controller';

/**
 * Where the reader's focus stands among the marks: focus inside the open
 * card stands for the card's mark (the card's host sits after the article,
 * so no mark follows it), any other focus for the focused element.
 */
export function focusOwner(active: Element | null, card: CardController | undefined): Element | null {
  return card && active === card.host ? card.openMark : active;
}

/** The mark after `active` (see focusOwner) in document order, wrapping to the first; null when there are none. */
export function markAfter(marks: readonly HTMLElement[], active: Element | null, card: CardController | undefined): HTMLElement | null {
  if (marks.length === 0) return null;
  const from = focusOwner(active, card);
  return marks.find((m) => from && from !== m && !!(from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) && !from.contains(m)) ?? marks[0]!;
}

/** Scrolls `mark` to the middle of the view (at once), focuses it and opens its card. */
export function revealMark(mark: HTMLElement, card: CardController | undefined): void {
  mark.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  mark.focus({ preventScroll: true });
  card?.open(mark);
}
