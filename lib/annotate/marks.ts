/**
 * Wrapping highlights in `claimlens-mark` elements, and taking them out again
 * without a trace.
 *
 * Each affected text node is split in place, left to right, and its pieces
 * are wrapped. The original node stays as the first piece, and every node we
 * create is remembered, so removal can unwrap the marks and merge the pieces
 * back into the original node: the DOM (and innerHTML) is then exactly what
 * it was, with the page's own node identities intact. A custom element name
 * is used, not a span, because page CSS such as `article span {…}` must not
 * reach it (Hypothesis learnt this with <hypothesis-highlight>).
 */
import { readNodeText, type TextModel } from '../page/text-model';
import type { Highlight } from './highlights';
import { MARK_TAG, pageClaimsOurTags } from './tags';

export { MARK_TAG };

/** One text node we split, and what we made of it. */
interface SplitRecord {
  original: Text;
  /** Text nodes split off the original, in document order. */
  created: Text[];
  marks: Element[];
  /** The original's data right after splitting; changed means the page rewrote it. */
  head?: string;
  /** The original's parent; another (or none) means the page moved or removed it. */
  parent: ParentNode | null;
}

/** The marks of one annotation pass and how to undo them. */
export interface MarkSet {
  /** Every mark, in document order, with the highlight it belongs to. */
  marks: { element: Element; highlight: Highlight }[];
  /** Unwraps every mark and restores the original text nodes. */
  remove(): void;
  /** True while the page has rewritten, moved or removed none of the text nodes we split. */
  pristine(): boolean;
}

interface Piece {
  from: number;
  to: number;
  highlight: Highlight;
}

/**
 * Moves an offset that falls inside a surrogate pair to just past the pair.
 * Cut in two, each half of a character outside the BMP (an emoji, 𝔘) would
 * render as a broken glyph on either side of the mark's edge. Moving every
 * boundary the same way keeps adjacent pieces from overlapping.
 */
function pastPair(data: string, offset: number): number {
  const high = data.charCodeAt(offset - 1);
  const low = data.charCodeAt(offset);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? offset + 1 : offset;
}

/** A text node's pieces, and its text as the model read it. */
interface NodePieces {
  /** The node's text in the model (line breaks read as spaces). */
  read: string;
  pieces: Piece[];
}

/** Groups highlight pieces by the text node they fall in (node-local offsets). */
function piecesByNode(model: TextModel, highlights: readonly Highlight[]): Map<Text, NodePieces> {
  const byNode = new Map<Text, NodePieces>();
  let segIndex = 0;
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  for (const h of sorted) {
    while (segIndex < model.segments.length && model.segments[segIndex]!.end <= h.start) segIndex++;
    for (let i = segIndex; i < model.segments.length; i++) {
      const seg = model.segments[i]!;
      if (seg.start >= h.end) break;
      const data = seg.node.data;
      const from = pastPair(data, Math.max(h.start, seg.start) - seg.start);
      const to = pastPair(data, Math.min(h.end, seg.end) - seg.start);
      // Whitespace-only pieces (between inline elements) carry no claim text.
      if (to <= from || !/\S/.test(data.slice(from, to))) continue;
      const entry = byNode.get(seg.node) ?? { read: model.text.slice(seg.start, seg.end), pieces: [] };
      entry.pieces.push({ from, to, highlight: h });
      byNode.set(seg.node, entry);
    }
  }
  return byNode;
}

/** Splits one text node and wraps its pieces; returns what it did. */
function wrapNode(doc: Document, original: Text, pieces: Piece[], out: MarkSet['marks']): SplitRecord {
  const record: SplitRecord = { original, created: [], marks: [], parent: original.parentNode };
  let current = original;
  let offset = 0;
  for (const piece of pieces.sort((a, b) => a.from - b.from)) {
    // The original never moves into a mark, even when a piece starts at its
    // first character (it is then left empty where it was): a framework that
    // rendered it removes it or inserts before it (React's removeChild,
    // insertBefore), which would throw, crashing its app, in another parent.
    if (piece.from > offset || current === original) {
      current = current.splitText(piece.from - offset);
      record.created.push(current);
      offset = piece.from;
    }
    let rest: Text | null = null;
    if (piece.to - offset < current.length) {
      rest = current.splitText(piece.to - offset);
      record.created.push(rest);
    }
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('data-claim-ids', piece.highlight.claimIds.join(' '));
    mark.setAttribute('tabindex', '0');
    current.parentNode!.insertBefore(mark, current);
    mark.appendChild(current);
    record.marks.push(mark);
    out.push({ element: mark, highlight: piece.highlight });
    if (!rest) break;
    current = rest;
    offset = piece.to;
  }
  record.head = original.data;
  return record;
}

/**
 * Takes one node's marks out and merges its pieces back. The page may have
 * edited around the marks meanwhile; its edits win:
 * - a mark is unwrapped with all its children, so nodes the page put in it
 *   stay (and one it emptied goes);
 * - a piece joins the text node just before it only when that is the
 *   original or another of its pieces, so the text never moves across a node
 *   the page inserted, and a piece the page removed (alone or in its mark)
 *   stays removed instead of coming back, or taking the text after it along.
 */
function restoreNode(record: SplitRecord): void {
  for (const mark of record.marks) {
    if (mark.parentNode) mark.replaceWith(...mark.childNodes);
  }
  // A page that rewrote its node wrote all of its text there, and one that removed it
  // took all of its text away: either way the pieces are stale.
  if (record.original.data !== record.head || removedWithItsText(record)) {
    for (const piece of record.created) piece.remove();
    return;
  }
  const ours = new Set<Node>([record.original, ...record.created]);
  for (const piece of record.created) {
    const before = piece.previousSibling;
    if (before && ours.has(before)) {
      (before as Text).appendData(piece.data);
      piece.remove();
    }
  }
}

/** True while the page has neither rewritten nor moved the node we split. */
function untouched(record: SplitRecord): boolean {
  return record.original.data === record.head && record.original.parentNode === record.parent;
}

/**
 * True when the page took the node we split out of its place, and its text
 * with it (React removes the text nodes it rendered). normalize() takes it
 * out too, but keeps its text: an emptied node just goes, and one that
 * held text is merged into the text node before it, which then ends with
 * that text (unwrapped marks are gone by now, so that node is just before
 * our first piece). Nothing tells an emptied node's removal apart, so its
 * pieces stay.
 */
function removedWithItsText({ original, parent, head = '', created }: SplitRecord): boolean {
  if (original.parentNode === parent || head === '') return false;
  const before = created[0]?.previousSibling;
  return !(before?.nodeType === 3 && (before as Text).data.endsWith(head));
}

/** A MarkSet whose records are filled in as nodes are wrapped. */
function markSetOf(records: SplitRecord[], marks: MarkSet['marks']): MarkSet {
  return {
    marks,
    remove() {
      for (const record of records) restoreNode(record);
      records.length = 0;
      marks.length = 0;
    },
    pristine: () => records.every(untouched),
  };
}

/** True when `node` can still be wrapped as the model saw it. */
function stillWrappable(node: Text, { read }: NodePieces): boolean {
  // Same length is not enough: a page that swapped in other text of that length would get marks on it.
  return node.parentNode !== null && node.length === read.length && readNodeText(node.data) === read;
}

/**
 * Wraps every highlight of `model` in marks, in one batch of DOM writes.
 * Adds nothing when the page has defined our element names itself (see
 * tags.ts): its code would otherwise run on every mark.
 */
export function applyMarks(model: TextModel, highlights: readonly Highlight[]): MarkSet {
  const doc = model.root.ownerDocument;
  const records: SplitRecord[] = [];
  const marks: MarkSet['marks'] = [];
  const claimed = highlights.length > 0 && pageClaimsOurTags(doc);
  for (const [node, entry] of claimed ? [] : piecesByNode(model, highlights)) {
    if (!stillWrappable(node, entry)) continue;
    records.push(wrapNode(doc, node, entry.pieces, marks));
  }
  marks.sort((a, b) => a.highlight.start - b.highlight.start);
  return markSetOf(records, marks);
}

/** How applyMarksInSlices paces itself and reports its writes. */
export interface MarkPacing {
  /** True when the slice has used its budget (see slices.ts). */
  shouldPause(): boolean;
  /** Yields to the page; resolves false when the work should stop (the page went away). */
  pause(): Promise<boolean>;
  /** Runs one batch of DOM writes (the caller hides them from its MutationObserver). */
  write(writes: () => void): void;
}

/**
 * Like applyMarks, but wraps the nodes a slice at a time. Nodes that the
 * page changed in between are skipped. The returned set's remove() undoes
 * exactly what was done, also when the work stopped halfway.
 */
export async function applyMarksInSlices(model: TextModel, highlights: readonly Highlight[], pacing: MarkPacing): Promise<MarkSet> {
  const doc = model.root.ownerDocument;
  const records: SplitRecord[] = [];
  const marks: MarkSet['marks'] = [];
  const set = markSetOf(records, marks);
  const claimed = highlights.length > 0 && pageClaimsOurTags(doc);
  const queue = [...(claimed ? [] : piecesByNode(model, highlights))];
  let i = 0;
  while (i < queue.length) {
    pacing.write(() => {
      do {
        const [node, entry] = queue[i++]!;
        if (stillWrappable(node, entry)) records.push(wrapNode(doc, node, entry.pieces, marks));
      } while (i < queue.length && !pacing.shouldPause());
    });
    if (i < queue.length && !(await pacing.pause())) break;
  }
  marks.sort((a, b) => a.highlight.start - b.highlight.start);
  return set;
}

/** Unwraps every mark under `root`, ours or copies the page made of them (their text stays). */
export function unwrapMarks(root: Element): void {
  for (const m of root.querySelectorAll(MARK_TAG)) m.replaceWith(...m.childNodes);
}
