/** Renders the ClaimCard component for a mark into the card's shadow root. */
import { render } from 'preact';
import { ClaimCard, type CardClaim } from '../../components/ClaimCard';
import cardCssText from '../../components/claim-card.css?inline';
import type { CardItem } from '../../lib/annotate/annotated-page';
import { sanitizeHtml } from '../../lib/annotate/sanitize-html';

export const cardCss: string = cardCssText;

/** Builds the card's props from a mark's claims and renders them. */
export function renderCard(container: HTMLElement, items: CardItem[]): void {
  const claims: CardClaim[] = items.map(({ claim, evidence }) => ({
    id: claim.id,
    text: claim.text,
    packTitle: claim.packTitle,
    stances: claim.stances,
    reviews: claim.reviews,
    // The one place pack HTML becomes markup: through DOMPurify, here.
    ...(claim.noteHtml ? { sanitizedNoteHtml: sanitizeHtml(claim.noteHtml) } : {}),
    ...(evidence ? { evidence } : {}),
  }));
  render(<ClaimCard claims={claims} />, container);
}

/** Unmounts the card so Preact releases its tree. */
export function clearCard(container: HTMLElement): void {
  render(null, container);
}
