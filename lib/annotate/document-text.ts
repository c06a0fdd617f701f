/**
 * Maps spans of the article text model (lib/page/text-model.ts) to the
 * document's text: the concatenated text nodes of `doc.body` in document
 * order (what `document.body.textContent` gives, and what Hypothesis and
 * other anchoring tools count in), so that exported selectors re-anchor on
 * the live page.
 */
import { segmentAt, type TextModel } from '../page/text-model';

/** A span of text with the claim it carries. */
export interface ClaimSpan {
  claimId: string;
  start: number;
  end: number;
}

/**
 * The document's text, and `spans` (offsets into `model.text`) moved to
 * offsets into it. A span whose nodes have left the page is dropped.
 */
export function toDocumentText(doc: Document, model: TextModel, spans: readonly ClaimSpan[]): { text: string; spans: ClaimSpan[] } {
  const body = doc.body ?? doc.documentElement;
  const offsets = new Map<Node, number>();
  const parts: string[] = [];
  let length = 0;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    offsets.set(n, length);
    parts.push((n as Text).data);
    length += (n as Text).data.length;
  }
  // Marks split the model's text nodes, but each node's pieces stay in place, one after another,
  // so an offset into a node still counts from where that node (its first piece) starts.
  const at = (offset: number, preferEnd: boolean): number | null => {
    const seg = segmentAt(model, offset, preferEnd);
    const base = seg && offsets.get(seg.node);
    return seg && base !== undefined ? base + (offset - seg.start) : null;
  };
  const mapped: ClaimSpan[] = [];
  for (const s of spans) {
    const start = at(s.start, false);
    const end = at(s.end, true);
    if (start !== null && end !== null && end > start) mapped.push({ claimId: s.claimId, start, end });
  }
  return { text: parts.join(''), spans: mapped };
}
