/**
 * The claim card: what a reader sees on hovering or focusing a mark.
 * Pure: props in, JSX out. All claim strings become text nodes (Preact
 * escapes them); links pass through safeHttpUrl, so no pack can inject markup
 * or script through a card.
 */
import type { Review } from '../lib/claims/schema';
import type { RuntimeStance } from '../lib/claims/runtime-types';
import { safeHttpUrl } from '../lib/claims/safe-url';
import { t } from '../lib/i18n';
import type { MatchEvidence } from '../lib/match/types';

/** One claim as the card shows it. */
export interface CardClaim {
  id: string;
  text: string;
  packTitle: string;
  stances: RuntimeStance[];
  reviews: Review[];
  /** The pack editor's note, already through sanitizeHtml (DOMPurify). */
  sanitizedNoteHtml?: string;
  evidence?: MatchEvidence;
}

export interface ClaimCardProps {
  claims: CardClaim[];
}

function ExternalLink({ href, children }: { href: string | undefined; children: preact.ComponentChildren }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function StanceItem({ stance }: { stance: RuntimeStance }) {
  const { actor, quote, source } = stance;
  return (
    <li class="stance">
      <div class="actor" dir="auto">
        <span class="actor-name">{actor.name}</span>
        <span class="actor-role">, {actor.role}</span>
      </div>
      {quote && <blockquote class="quote" dir="auto">{quote}</blockquote>}
      <div class="source">
        <ExternalLink href={source.url}>
          <span class="outlet">{source.outlet}</span>
          {source.title && <span class="source-title">: {source.title}</span>}
        </ExternalLink>
        {source.date && (
          <>
            {' · '}
            <time dateTime={source.date}>{source.date}</time>
          </>
        )}
      </div>
    </li>
  );
}

function StanceGroup({ heading, stances }: { heading: string; stances: RuntimeStance[] }) {
  if (stances.length === 0) return null;
  return (
    <section class="stance-group">
      <h3>{heading}</h3>
      <ul>
        {stances.map((s) => (
          <StanceItem key={s.actor.id} stance={s} />
        ))}
      </ul>
    </section>
  );
}

/** The verdict's place on the scale, for the chip's colour; the text label always says it too. */
function verdictTone(r: Review): 'false' | 'mixed' | 'true' | 'unrated' {
  if (r.normalizedRating === undefined) return 'unrated';
  if (r.normalizedRating <= -0.34) return 'false';
  if (r.normalizedRating >= 0.34) return 'true';
  return 'mixed';
}

function Verdicts({ reviews }: { reviews: Review[] }) {
  if (reviews.length === 0) return null;
  return (
    <ul class="verdicts" aria-label={t('card.verdicts')}>
      {reviews.map((r, i) => (
        <li key={i} class={`verdict verdict-${verdictTone(r)}`} dir="auto">
          <ExternalLink href={r.url}>
            <span class="verdict-publisher">{r.publisher}</span>: <span class="verdict-rating">{r.rating}</span>
          </ExternalLink>
        </li>
      ))}
    </ul>
  );
}

function Evidence({ evidence }: { evidence: MatchEvidence }) {
  const parts = [...evidence.matchedEntities, ...evidence.matchedTerms];
  return (
    <details class="evidence">
      <summary>{t('card.whyMatched')}</summary>
      <p>{t('card.evidence', [parts.join(', ') || t('card.evidenceNone'), String(Math.round(evidence.coverage * 100))])}</p>
    </details>
  );
}

function ClaimSection({ claim }: { claim: CardClaim }) {
  const asserted = claim.stances.filter((s) => s.stance === 'asserts');
  const denied = claim.stances.filter((s) => s.stance === 'denies');
  return (
    <section class="claim" data-claim-id={claim.id}>
      <p class="claim-text" dir="auto">{claim.text}</p>
      {claim.sanitizedNoteHtml && <div class="note" dir="auto" dangerouslySetInnerHTML={{ __html: claim.sanitizedNoteHtml }} />}
      <Verdicts reviews={claim.reviews} />
      <StanceGroup heading={t('card.assertedBy')} stances={asserted} />
      <StanceGroup heading={t('card.deniedBy')} stances={denied} />
      {asserted.length + denied.length === 0 && <p class="no-stances">{t('card.noStances')}</p>}
      {claim.evidence && <Evidence evidence={claim.evidence} />}
      <p class="pack">{t('card.pack', [claim.packTitle])}</p>
    </section>
  );
}

/**
 * The whole card: every claim that the hovered sentence carries. The dialog
 * takes focus (tabIndex -1) when a keyboard user opens it with Enter.
 */
export function ClaimCard({ claims }: ClaimCardProps) {
  const label = t('card.knownClaims', claims.length);
  return (
    // dir: the card's own strings are English; the page's direction must not leak in (all: initial keeps it).
    <div class="card" role="dialog" dir="ltr" aria-label={t('card.dialogLabel', [label])} tabIndex={-1}>
      <div class="card-header">{t('card.header', [label])}</div>
      {claims.map((c) => (
        <ClaimSection key={c.id} claim={c} />
      ))}
    </div>
  );
}
