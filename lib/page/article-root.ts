/**
 * Finding the element that holds the article, so that navigation, sidebars,
 * footers and comments are never read or marked.
 *
 * Candidates are the elements that pages use to say "this is the story"
 * (article, schema.org Article microdata, articleBody, main). Each is scored
 * by the paragraph text it holds outside page furniture, where a paragraph
 * is a <p> or a div's own text (pages that write paragraphs as divs, see
 * textBlocks). Among candidates that hold about as much text as the best,
 * an article-type element wins, because it also holds the headline, which
 * articleBody usually does not.
 */
import { isBlockElement, isSkippedElement } from './skip-rules';

const CANDIDATE_SELECTOR = [
  'article',
  '[itemtype*="Article"]',
  // itemprop holds a list of words ("description articleBody"), as class does.
  '[itemprop~="articleBody"]',
  '[role="article"]',
  'main',
  '[role="main"]',
].join(',');

/** Minimum paragraph text for an element to count as an article body. */
const MIN_ARTICLE_CHARS = 400;

/** Candidates within this share of the best are treated as holding the same story. */
const SAME_STORY_RATIO = 0.9;

/**
 * An article inside a non-article pick (a <main>) that holds at least this
 * share of its text is the story; the rest of the pick is teasers. On the
 * 130 saved pages this changes only folha's root (1,689 characters of
 * teasers and sponsored links out, 340 left).
 */
const STORY_SHARE = 0.6;

/** A main with this many article elements, none of them long enough to be a story, is a page of teasers. */
const MIN_TEASERS = 3;

/** True when `el` is inside (or is) a skipped region below `stop`. */
function insideSkipped(el: Element, stop: Element): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    if (isSkippedElement(cur)) return true;
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

/** One paragraph's worth of text and the element that holds it as a paragraph's parent would. */
interface TextBlock {
  holder: Element;
  chars: number;
}

/**
 * Characters of text directly in a div (not in a child block, a skipped
 * element or a link): paragraphs written as divs of spans, or as text runs
 * between <br>s. Link text is left out, so that a list of teaser links
 * never reads as prose.
 */
function looseTextLength(div: Element): number {
  let chars = 0;
  const stack: Node[] = [...div.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) chars += (node as Text).data.trim().length;
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    // Blocks are paragraphs of their own; scripts and ads hide inside inline wrappers too.
    if (el.tagName === 'A' || (isBlockElement(el) && el.tagName !== 'BR') || isSkippedElement(el)) continue;
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
 * The paragraphs under `scope` outside page furniture: every <p>, held by
 * its parent, and the loose text of divs, as Readability reads them (a div
 * without block children is a paragraph, held by its parent; text runs
 * between the blocks of a div are paragraphs held by the div). Pages that
 * write no <p> at all (chapters of div-wrapped spans, blog posts of text
 * and <br>s) are found this way.
 */
function* textBlocks(scope: Element): Generator<TextBlock> {
  for (const el of scope.querySelectorAll('p, div')) {
    if (el.tagName === 'P') {
      if (el.parentElement && !insideSkipped(el, scope)) yield { holder: el.parentElement, chars: (el.textContent ?? '').trim().length };
      continue;
    }
    // Most divs hold no loose text: measure first, as the walk up to skipped ancestors costs more.
    const chars = looseTextLength(el);
    // A div inside a <p> is already counted with it.
    if (chars < MIN_LOOSE_CHARS || el.closest('p') || insideSkipped(el, scope)) continue;
    const holder = hasNoBlockChild(el) ? el.parentElement : el;
    if (holder) yield { holder, chars };
  }
}

/** Characters of paragraph text under `el`, not counting page furniture. */
export function paragraphTextLength(el: Element): number {
  let total = 0;
  for (const block of textBlocks(el)) total += block.chars;
  return total;
}

function isArticleType(el: Element): boolean {
  return el.tagName === 'ARTICLE' || /Article/.test(el.getAttribute('itemtype') ?? '') || el.getAttribute('role') === 'article';
}

/** Depth in the tree, used to prefer the tighter of two equal candidates. */
function depth(el: Element): number {
  let d = 0;
  for (let cur = el.parentElement; cur; cur = cur.parentElement) d++;
  return d;
}

/**
 * Fallback for pages without semantic markup: the element whose paragraphs
 * hold the most text (Readability's core idea, simplified). A paragraph
 * counts in full for its parent (its holder, see textBlocks) and by half
 * for its grandparent, so that a story split over sibling blocks (one div
 * per section, as CMS grids write it) is found whole rather than one block
 * of it.
 */
function densestParagraphParent(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  const top = doc.body ?? doc.documentElement;
  for (const { holder, chars } of textBlocks(top)) {
    scores.set(holder, (scores.get(holder) ?? 0) + chars);
    const grandparent = holder.parentElement;
    if (grandparent && grandparent !== top && grandparent !== doc.documentElement) scores.set(grandparent, (scores.get(grandparent) ?? 0) + chars / 2);
  }
  let best: Element | null = null;
  let bestScore = MIN_ARTICLE_CHARS - 1;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Returns the element that holds the article's headline and body, or null
 * when the page holds no substantial article text.
 */
export function findArticleRoot(doc: Document): Element | null {
  const scored = [...doc.querySelectorAll(CANDIDATE_SELECTOR)]
    .filter((el) => !insideSkipped(el, doc.documentElement))
    .map((el) => ({ el, chars: paragraphTextLength(el) }))
    .filter((c) => c.chars >= MIN_ARTICLE_CHARS);
  if (scored.length === 0) return densestParagraphParent(doc);

  const bestChars = Math.max(...scored.map((c) => c.chars));
  const sameStory = scored.filter((c) => c.chars >= bestChars * SAME_STORY_RATIO);
  sameStory.sort((a, b) => {
    const typeOrder = Number(isArticleType(b.el)) - Number(isArticleType(a.el));
    if (typeOrder !== 0) return typeOrder;
    return depth(b.el) - depth(a.el);
  });
  const pick = sameStory[0]!;
  if (isArticleType(pick.el)) return pick.el;
  // A <main> holding the story's own article (or articleBody) beside headline
  // teasers and sponsored links: the story is the one that holds most of it.
  const nested = scored.filter((c) => c.el !== pick.el && pick.el.contains(c.el));
  const inner = nested
    .filter((c) => c.chars >= pick.chars * STORY_SHARE && (isArticleType(c.el) || c.el.matches('[itemprop~="articleBody"]')))
    .sort((a, b) => Number(isArticleType(b.el)) - Number(isArticleType(a.el)) || b.chars - a.chars);
  if (inner[0]) return inner[0].el;
  // A <main> of article teasers, none of them a story (a section front or a
  // home page that calls itself an article): no story to read.
  if (pick.el.querySelectorAll('article').length >= MIN_TEASERS && !nested.some((c) => c.el.tagName === 'ARTICLE')) return null;
  return pick.el;
}
