/** Renders the ClaimCard component for a mark into the card's shadow root. */
import { render } from 'preact';
import { ClaimCard, type CardClaim } from '../../components/ClaimCard';
import cardCssText from '../../components/claim-card.css?inline';
import type { RuntimeClaim } from '../../lib/claims/runtime-types';
import type { Annotation } from '../../lib/match/types';

export const cardCss: string = cardCssText;

/** Builds the card's props from a mark's annotations and renders them. */
export function renderCard(
  container: HTMLElement,
  annotations: Annotation[],
  claimsById: Map<string, RuntimeClaim>,
  packTitles: Map<string, string>,
): void {
  const claims: CardClaim[] = [];
  for (const a of annotations) {
    const claim = claimsById.get(a.claimId);
    if (!claim || claims.some((c) => c.id === claim.id)) continue;
    claims.push({
      id: claim.id,
      text: claim.text,
      packTitle: packTitles.get(claim.packId) ?? claim.packId,
      stances: claim.stances,
      reviews: claim.reviews,
      evidence: a.evidence,
    });
  }
  render(<ClaimCard claims={claims} />, container);
}

/** Unmounts the card so Preact releases its tree. */
export function clearCard(container: HTMLElement): void {
  render(null, container);
}
