/**
 * Keeping the reader's keyboard focus across a rewrite of the marks. A run
 * that marks the article again (the page added text, the sensitivity
 * changed) takes every mark out first, and the browser then drops the
 * focus of a reader on a mark, or in its card, to the start of the
 * document: the next Tab starts from the top. So the run notes which mark
 * the focus was on and puts it back on that claim's new mark.
 */
import type { CardController } from './card-controller';
import { focusOwner } from './mark-navigation';
import { MARK_TAG } from './tags';

/** The mark the focus was on: its claims and its text (its element is about to go). */
export interface FocusedMark {
  claimIds: string;
  text: string;
}

/** The mark that has the focus in `doc`, or whose open `card` has it (focusOwner); null when the focus is elsewhere. */
export function focusedMark(doc: Document, card: CardController | undefined): FocusedMark | null {
  const mark = focusOwner(doc.activeElement, card)?.closest(MARK_TAG);
  if (!mark) return null;
  return { claimIds: mark.getAttribute('data-claim-ids') ?? '', text: mark.textContent ?? '' };
}

/**
 * Focuses the first of `marks` with the claims and text of `focused`, if
 * the focus was lost meanwhile (it is on the body or nowhere): a reader who
 * has moved on keeps the focus where they put it.
 */
export function restoreFocus(doc: Document, marks: Iterable<Element>, focused: FocusedMark): void {
  const active = doc.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) return;
  for (const mark of marks) {
    if (mark.getAttribute('data-claim-ids') === focused.claimIds && mark.textContent === focused.text) {
      (mark as HTMLElement).focus({ preventScroll: true });
      return;
    }
  }
}
