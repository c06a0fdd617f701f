/**
 * The paragraphs of a page as the article root finder weighs them: every
 * <p>, and the loose text of divs for pages that write paragraphs as divs
 * (as Readability reads them), outside page furniture and list items.
 */
import { isBlockElement, isSkippedElement } from './skip-rules';

/** Tells whether an element and its subtree are out of the article (isSkippedElement, or a looser variant). */
export type SkipTest = (el: Element) => boolean;

/** True when `el` is inside (or is) a skipped region below `stop`; isSkippedElement and its variants also leave out teaser list items (skip-rules.ts). */
export function insideSkipped(el: Element, stop: Element, isSkipped: SkipTest = isSkippedElement): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    if (isSkipped(cur)) return true;
  }
  return false;
}

/**
 * Loose text in a div shorter than this is a label (a date, "Share", a
 * count), not a paragraph. At 25 (Readability's paragraph minimum) a date
 * line tipped one saved page's wrapper over its own article; paragraphs of
 * pages without <p> are mostly far longer.
 */
const MIN_LOOSE_CHARS = 80;

/** One paragraph: the element it is (a <p> or a div), the element that holds it as a paragraph's parent would, its length. */
export interface TextBlock {
  block: Element;
  holder: Element;
  chars: number;
}

/**
 * Characters of text directly in a div (not in a child block, a skipped
 * element or a link): paragraphs written as divs of spans, or as text runs
 * between <br>s. Link text is left out, so that a list of teaser links
 * never reads as prose.
 */
function looseTextLength(div: Element, isSkipped: SkipTest): number {
  let chars = 0;
  const stack: Node[] = [...div.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) chars += (node as Text).data.trim().length;
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    // Blocks are paragraphs of their own; scripts and ads hide inside inline wrappers too.
    if (el.tagName === 'A' || (isBlockElement(el) && el.tagName !== 'BR') || isSkipped(el)) continue;
    stack.push(...el.childNodes);
  }
  return chars;
}

/** True when the div holds no block element but line breaks: a paragraph in all but name. */
function hasNoBlockChild(div: Element): boolean {
  for (const el of div.children) if (isBlockElement(el) && el.tagName !== 'BR') return false;
  return true;
}

/**
 * The paragraphs under `scope` outside page furniture and list items: every
 * <p>, held by its parent, and the loose text of divs (a div without block
 * children is a paragraph, held by its parent; text runs between the blocks
 * of a div are paragraphs held by the div). Pages that write no <p> at all
 * (chapters of div-wrapped spans, blog posts of text and <br>s) are found
 * this way.
 */
export function* textBlocks(scope: Element, isSkipped: SkipTest = isSkippedElement): Generator<TextBlock> {
  for (const el of scope.querySelectorAll('p, div')) {
    if (el.tagName === 'P') {
      if (el.parentElement && !insideSkipped(el, scope, isSkipped)) yield { block: el, holder: el.parentElement, chars: (el.textContent ?? '').trim().length };
      continue;
    }
    // Most divs hold no loose text: measure first, as the walk up to skipped ancestors costs more.
    const chars = looseTextLength(el, isSkipped);
    // A div inside a <p> is already counted with it.
    if (chars < MIN_LOOSE_CHARS || el.closest('p') || insideSkipped(el, scope, isSkipped)) continue;
    const holder = hasNoBlockChild(el) ? el.parentElement : el;
    if (holder) yield { block: el, holder, chars };
  }
}

/** Characters of paragraph text under `el`, not counting page furniture or list items. */
export function paragraphTextLength(el: Element, isSkipped: SkipTest = isSkippedElement): number {
  let total = 0;
  for (const block of textBlocks(el, isSkipped)) total += block.chars;
  return total;
}
