/**
 * Keeping the marks when the page changed its article's text elsewhere (a
 * timestamp ticking, a paragraph loaded further down, a carousel turning):
 * marking everything again would close the reader's card and, on a page
 * that changes often, redo the same work again and again. The marks are
 * kept when the new reading of the text marks exactly what they mark.
 */
import type { TextModel } from '../page/text-model';
import type { Highlight } from './highlights';

/** One mark and the highlight (run of text) it belongs to. */
interface PlacedMark {
  element: Element;
  highlight: Highlight;
}

/**
 * The runs `next` (read from `model`) pairs with `current` (read from
 * `currentText`), in order, when they are the same runs of text with the
 * same claims and every mark sits inside its run's new place in `model`;
 * null otherwise, or when a run of `current` has no mark.
 */
export function pairHighlights(
  model: TextModel,
  current: { text: string; highlights: readonly Highlight[] },
  next: readonly Highlight[],
  marks: readonly PlacedMark[],
): Map<Highlight, Highlight> | null {
  if (next.length !== current.highlights.length) return null;
  const pairs = new Map<Highlight, Highlight>();
  for (let i = 0; i < next.length; i++) {
    const was = current.highlights[i]!;
    const now = next[i]!;
    if (was.claimIds.join(' ') !== now.claimIds.join(' ')) return null;
    if (current.text.slice(was.start, was.end) !== model.text.slice(now.start, now.end)) return null;
    pairs.set(was, now);
  }
  const where = new Map<Node, { start: number; end: number }>(model.segments.map((s) => [s.node, s]));
  const marked = new Set<Highlight>();
  for (const { element, highlight } of marks) {
    const now = pairs.get(highlight);
    if (!now) return null;
    marked.add(highlight);
    for (const child of element.childNodes) {
      const at = where.get(child);
      // A node the page put in a mark is not in the run; text outside the run is not either.
      if (child.nodeType === 3 && (!at || at.start < now.start || at.end > now.end)) return null;
    }
  }
  return marked.size === pairs.size ? pairs : null;
}
