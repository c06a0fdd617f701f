/**
 * The article's text as one string, with a map back to the DOM.
 *
 * Matching works on plain text; highlighting needs DOM positions. The text
 * model is the bridge (as in Hypothesis' text-range.ts): it concatenates the
 * article's text nodes in document order and remembers where each one starts.
 * Block boundaries become "\n\n" separators that belong to no node, so a
 * sentence can never run from one paragraph into the next, and skipped
 * regions (see skip-rules.ts) contribute nothing.
 *
 * Line breaks inside a text node are read as spaces (same length, so
 * offsets still map one to one): a browser renders them as one space, and
 * a blank line in a paragraph's source ("campaign\n\nhad") must not read
 * as a block separator and cut its sentence. Preformatted text, where a
 * line break is a real break, is skipped whole (`pre`, see skip-rules.ts).
 */
import { isBlockElement, isSkippedElement } from './skip-rules';

/** One text node's place in the model's text. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `TextModel.text`. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** The article text and the text nodes it came from, in document order. */
export interface TextModel {
  root: Element;
  text: string;
  segments: TextSegment[];
}

/** Separator between blocks: a blank line, which the sentence splitter never crosses. */
export const BLOCK_SEPARATOR = '\n\n';

/** Line breaks inside a text node (read as spaces, see the module comment). */
const NEWLINES = /\n/g;

/** A text node's text as the model reads it: line breaks as spaces (same length, so offsets hold). */
export function readNodeText(value: string): string {
  return value.includes('\n') ? value.replace(NEWLINES, ' ') : value;
}

/** Upper bound on the characters read from one page, so huge pages stay cheap. */
export const MAX_MODEL_CHARS = 2_000_000;

/** A text model under construction, built a slice at a time (see createTextModelBuilder). */
export interface TextModelBuilder {
  /**
   * Walks on until the model is complete, then returns it; returns null
   * when `shouldPause()` said to stop first (call run again to go on).
   * `shouldPause` is asked every {@link PAUSE_CHECK_NODES} nodes.
   */
  run(shouldPause: () => boolean): TextModel | null;
}

/** How many nodes the builder visits between two `shouldPause` checks. */
export const PAUSE_CHECK_NODES = 256;

/**
 * Starts building the text model of everything readable under `root`, in
 * slices, so that a huge article never blocks the page for long. The DOM
 * must not change between slices (the caller rebuilds when it did).
 * Iterative (no recursion) so that pathologically deep pages cannot overflow the stack.
 */
export function createTextModelBuilder(root: Element): TextModelBuilder {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let endsWithBreak = true;

  const breakBlock = () => {
    if (!endsWithBreak) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
      endsWithBreak = true;
    }
  };

  // Stack entries: a node to visit, or a marker to close a block element.
  const stack: (Node | { close: true })[] = [root];
  return {
    run(shouldPause) {
      let visited = 0;
      while (stack.length > 0 && length < MAX_MODEL_CHARS) {
        if (++visited % PAUSE_CHECK_NODES === 0 && shouldPause()) return null;
        const item = stack.pop()!;
        if ('close' in item) {
          breakBlock();
          continue;
        }
        if (item.nodeType === 3) {
          const node = item as Text;
          const value = node.data;
          if (value.length === 0) continue;
          segments.push({ node, start: length, end: length + value.length });
          parts.push(readNodeText(value));
          length += value.length;
          if (/\S/.test(value)) endsWithBreak = false;
          continue;
        }
        if (item.nodeType !== 1) continue;
        const el = item as Element;
        if (el !== root && isSkippedElement(el)) continue;
        const block = isBlockElement(el);
        if (block) {
          breakBlock();
          stack.push({ close: true });
        }
        const children = el.childNodes;
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
      stack.length = 0;
      return { root, text: parts.join(''), segments };
    },
  };
}

/** Builds the text model of everything readable under `root`, in one go. */
export function buildTextModel(root: Element): TextModel {
  return createTextModelBuilder(root).run(() => false)!;
}

/**
 * Finds the segment holding model offset `offset` by binary search.
 * With `preferEnd`, an offset on a boundary resolves to the end of the
 * earlier node, which is what the end of a range wants.
 */
export function segmentAt(model: TextModel, offset: number, preferEnd = false): TextSegment | undefined {
  const segs = model.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segs[mid]!;
    if (preferEnd ? offset <= seg.start : offset < seg.start) hi = mid - 1;
    else if (preferEnd ? offset > seg.end : offset >= seg.end) lo = mid + 1;
    else return seg;
  }
  return undefined;
}
