/**
 * The marks of one annotation run and what they stand for: which claims
 * each mark carries (for its card), the hidden descriptions that tell
 * assistive tech what a mark is, the popup's summary, and the way back to
 * the page's original DOM.
 */
import type { Annotation, MatchEvidence } from '../match/types';
import type { MatchedClaim, PageClaimSummary } from '../messages';
import type { TextModel } from '../page/text-model';
import type { HighlightStyle } from '../storage/settings';
import { pairHighlights } from './adopt-marks';
import { toHighlights, type Highlight } from './highlights';
import { applyMarksInSlices } from './marks';
import type { Slicer } from './slices';

/** One claim on a card, with why the sentence matched it. */
export interface CardItem {
  claim: MatchedClaim;
  evidence?: MatchEvidence;
}

/** See the module comment. */
export interface AnnotatedPage {
  readonly root: Element;
  readonly model: TextModel;
  /**
   * The first mark of each highlighted run, in document order: a sentence
   * cut by a link is several marks but one stop for the shortcut.
   */
  markElements(): HTMLElement[];
  /** True while every mark is still in the page under the root, over the text the page left there. */
  intact(): boolean;
  /**
   * Takes `model` (a new reading of the root, whose text changed elsewhere)
   * and its matches as this page's, keeping the marks, when they mark
   * exactly what `result` would (see adopt-marks.ts). False, and nothing
   * changed, otherwise.
   */
  adopt(model: TextModel, result: { annotations: Annotation[]; claims: MatchedClaim[] }): boolean;
  /** True when two marks are pieces of the same highlighted run (one card for both). */
  sameRun(a: Element, b: Element): boolean;
  /** The claims a mark carries, each with the evidence of the sentence it sits in. */
  cardItems(mark: Element): CardItem[];
  claimIds(): string[];
  summaries(): PageClaimSummary[];
  setStyle(style: HighlightStyle): void;
  /** Puts the marks' hidden descriptions in `host` (the card host, in the light DOM) and links them. */
  attachDescriptions(host: Element): void;
  /** Unwraps every mark, restoring the original text nodes, and drops the descriptions. */
  remove(): void;
  exportData(): { model: TextModel; annotations: Annotation[]; claims: MatchedClaim[] };
}

/** How the marks are written. */
export interface AnnotatePacing {
  /** Runs one batch of DOM writes, hidden from the page watch. */
  write(writes: () => void): void;
  slicer: Slicer;
  aborted(): boolean;
  describe(claims: MatchedClaim[]): string;
  style: HighlightStyle;
}

/** Attribute that carries the highlight style (entrypoints/annotator/marks.css reads it). */
export const STYLE_ATTRIBUTE = 'data-style';

let sessionCounter = 0;

/** Wraps the matched sentences of `model` in marks, in slices. */
export async function createAnnotatedPage(
  model: TextModel,
  result: { annotations: Annotation[]; claims: MatchedClaim[] },
  pacing: AnnotatePacing,
): Promise<AnnotatedPage> {
  let { annotations, claims } = result;
  let claimsById = new Map(claims.map((c) => [c.id, c]));
  const highlights = toHighlights(annotations);
  const markSet = await applyMarksInSlices(model, highlights, {
    shouldPause: pacing.slicer.shouldPause,
    pause: async () => {
      await pacing.slicer.pause();
      return !pacing.aborted();
    },
    write: pacing.write,
  });
  const elements = markSet.marks.map((m) => m.element as HTMLElement);
  // Each mark's run, for the card's lookups on every pointer move and focus (a find over every mark before).
  const runOf = new Map<Element, Highlight>(markSet.marks.map((m) => [m.element, m.highlight]));
  pacing.write(() => {
    const seen = new Set<Highlight>();
    for (const { element, highlight } of markSet.marks) {
      element.setAttribute(STYLE_ATTRIBUTE, pacing.style);
      // One Tab stop per run: the pieces a link cuts a sentence into would
      // each be a stop (beside the link) announcing the same claim. The other
      // pieces still take focus from a click, which opens the card.
      if (seen.has(highlight)) element.setAttribute('tabindex', '-1');
      seen.add(highlight);
    }
  });
  const descriptions: Element[] = [];
  // Random per run: the ids live in the page's id space and must not collide with its own.
  const idPrefix = `claimlens-d${++sessionCounter}-${Math.random().toString(36).slice(2, 8)}-`;

  const cardItems = (mark: Element): CardItem[] => {
    const run = runOf.get(mark);
    if (!run) return [];
    const items: CardItem[] = [];
    for (const id of run.claimIds) {
      const claim = claimsById.get(id);
      if (!claim) continue;
      // The annotation (sentence) this mark is part of explains the match.
      const a = annotations.find((x) => x.claimId === id && x.start <= run.start && x.end >= run.end);
      items.push(a ? { claim, evidence: a.evidence } : { claim });
    }
    return items;
  };

  return {
    root: model.root,
    get model() {
      return model;
    },
    markElements: () => {
      const seen = new Set<object>();
      const firsts: HTMLElement[] = [];
      for (const { element, highlight } of markSet.marks) {
        if (seen.has(highlight) || !element.isConnected) continue;
        seen.add(highlight);
        firsts.push(element as HTMLElement);
      }
      return firsts;
    },
    intact: () => markSet.pristine() && markSet.marks.every((m) => m.element.isConnected && model.root.contains(m.element)),
    adopt(next, nextResult) {
      const pairs = pairHighlights(next, { text: model.text, highlights }, toHighlights(nextResult.annotations), markSet.marks);
      if (!pairs) return false;
      for (const [was, now] of pairs) Object.assign(was, { start: now.start, end: now.end });
      model = next;
      ({ annotations, claims } = nextResult);
      claimsById = new Map(claims.map((c) => [c.id, c]));
      return true;
    },
    cardItems,
    sameRun(a, b) {
      const run = runOf.get(a);
      return run !== undefined && runOf.get(b) === run;
    },
    claimIds: () => [...new Set(annotations.map((a) => a.claimId))],
    summaries() {
      return claims.map((c) => ({
        id: c.id,
        text: c.text,
        packTitle: c.packTitle,
        asserted: c.stances.filter((s) => s.stance === 'asserts').length,
        denied: c.stances.filter((s) => s.stance === 'denies').length,
        marks: markSet.marks.filter((m) => m.highlight.claimIds.includes(c.id)).length,
      }));
    },
    setStyle(style) {
      for (const el of elements) el.setAttribute(STYLE_ATTRIBUTE, style);
    },
    attachDescriptions(host) {
      const doc = host.ownerDocument;
      const byIds = new Map<string, string>();
      for (const { element, highlight } of markSet.marks) {
        const key = highlight.claimIds.join(' ');
        let id = byIds.get(key);
        if (id === undefined) {
          id = `${idPrefix}${byIds.size}`;
          byIds.set(key, id);
          const description = doc.createElement('div');
          description.id = id;
          description.textContent = pacing.describe(highlight.claimIds.flatMap((c) => claimsById.get(c) ?? []));
          host.appendChild(description);
          descriptions.push(description);
        }
        element.setAttribute('aria-describedby', id);
      }
    },
    remove() {
      for (const d of descriptions) d.remove();
      descriptions.length = 0;
      markSet.remove();
      runOf.clear();
    },
    exportData: () => ({ model, annotations, claims }),
  };
}
