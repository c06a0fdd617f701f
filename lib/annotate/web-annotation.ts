/**
 * The page's annotations as W3C Web Annotations (JSON-LD), for the popup's
 * "Export annotations". Pure: data in, JSON out.
 *
 * Each (claim, sentence) pair becomes one Annotation whose target is the
 * page with two selectors: a TextQuoteSelector (the exact sentence with up
 * to 32 characters of context either side), which other tools such as
 * Hypothesis re-anchor by, and a TextPositionSelector. Positions count
 * UTF-16 code units of the document's text (document.body's text nodes in
 * document order, as textContent gives it); the caller maps the article
 * model's offsets there (lib/annotate/document-text.ts).
 * The body is the claim, with who asserted and who denied it and any
 * fact-checkers' verdicts, under a small `claimlens:` vocabulary.
 */
import { fnv1a32 } from '../claims/checksum';
import type { Review } from '../claims/schema';
import type { RuntimeStance } from '../claims/runtime-types';

/** Characters of context kept either side of a quote. */
export const QUOTE_CONTEXT_CHARS = 32;

/**
 * JSON-LD context: the Web Annotation vocabulary plus our own terms. The
 * `claimlens:` prefix names the body's own properties; `@vocab` gives the
 * keys nested in them (a stance's actor, quote and outlet, a review's
 * publisher and rating) the same namespace: without it a JSON-LD processor
 * drops them as undefined terms, and only plain-JSON readers saw the
 * stances and verdicts.
 */
export const WEB_ANNOTATION_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { claimlens: 'urn:claimlens:vocab#', '@vocab': 'urn:claimlens:vocab#' }] as const;

/** A claim as exported. */
export interface ExportClaim {
  id: string;
  text: string;
  packTitle: string;
  stances: RuntimeStance[];
  reviews: Review[];
}

/** One annotated span of the article text. */
export interface ExportSpan {
  claimId: string;
  start: number;
  end: number;
}

/** Everything the builder needs. */
export interface WebAnnotationInput {
  url: string;
  title: string;
  /** The document's text (document.body.textContent) the spans' offsets refer to. */
  text: string;
  spans: readonly ExportSpan[];
  claims: readonly ExportClaim[];
  created: Date;
  /** Version of the extension, for `generator`. */
  version: string;
}

/** A stance as exported. */
export interface ExportStance {
  stance: 'asserts' | 'denies';
  actor: string;
  role: string;
  quote?: string;
  outlet: string;
  title?: string;
  url?: string;
  date?: string;
}

/** One Web Annotation. */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'identifying';
  created: string;
  body: {
    type: 'TextualBody';
    purpose: 'describing';
    format: 'text/plain';
    value: string;
    'claimlens:claimId': string;
    'claimlens:pack': string;
    'claimlens:stances': ExportStance[];
    'claimlens:reviews': Review[];
  };
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/** The export file: an AnnotationCollection with its one page of annotations. */
export interface WebAnnotationCollection {
  '@context': typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { id: string; type: 'Software'; name: string; 'claimlens:version': string };
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

function exportStance(s: RuntimeStance): ExportStance {
  const out: ExportStance = { stance: s.stance, actor: s.actor.name, role: s.actor.role, outlet: s.source.outlet };
  if (s.quote !== undefined) out.quote = s.quote;
  if (s.source.title !== undefined) out.title = s.source.title;
  if (s.source.url !== undefined) out.url = s.source.url;
  if (s.source.date !== undefined) out.date = s.source.date;
  return out;
}

/**
 * Builds the collection. Spans of unknown claims or outside the text are
 * left out; ids are stable for the same page, claim and position, so
 * exporting twice gives the same annotation ids.
 */
export function buildWebAnnotations(input: WebAnnotationInput): WebAnnotationCollection {
  const claims = new Map(input.claims.map((c) => [c.id, c]));
  const created = input.created.toISOString();
  const items: WebAnnotation[] = [];
  const spans = [...input.spans].sort((a, b) => a.start - b.start || a.claimId.localeCompare(b.claimId));
  for (const span of spans) {
    const claim = claims.get(span.claimId);
    if (!claim || span.start < 0 || span.end > input.text.length || span.end <= span.start) continue;
    items.push({
      id: `urn:claimlens:annotation:${fnv1a32(`${input.url}\n${span.claimId}\n${span.start}:${span.end}`)}`,
      type: 'Annotation',
      motivation: 'identifying',
      created,
      body: {
        type: 'TextualBody',
        purpose: 'describing',
        format: 'text/plain',
        value: claim.text,
        'claimlens:claimId': claim.id,
        'claimlens:pack': claim.packTitle,
        'claimlens:stances': claim.stances.map(exportStance),
        'claimlens:reviews': claim.reviews,
      },
      target: {
        source: input.url,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: input.text.slice(span.start, span.end),
            prefix: input.text.slice(Math.max(0, span.start - QUOTE_CONTEXT_CHARS), span.start),
            suffix: input.text.slice(span.end, span.end + QUOTE_CONTEXT_CHARS),
          },
          { type: 'TextPositionSelector', start: span.start, end: span.end },
        ],
      },
    });
  }
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: `urn:claimlens:collection:${fnv1a32(`${input.url}\n${created}`)}`,
    type: 'AnnotationCollection',
    label: `Claimlens annotations of ${input.title || input.url}`,
    total: items.length,
    generator: { id: 'urn:claimlens:extension', type: 'Software', name: 'Claimlens', 'claimlens:version': input.version },
    generated: created,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
