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
 * articleBody usually does not. When that finds no story, a wrapper whose
 * class or id holds a furniture word but which holds most of the page's
 * prose is taken for a layout column, not furniture (see layoutColumns).
 */
import { isLayoutNamedFurniture, isSkippedElement } from './skip-rules';
import { insideSkipped, paragraphTextLength, textBlocks, type SkipTest } from './text-blocks';

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

/**
 * Class-named furniture that holds at least this share of the page's prose
 * is a layout column, not furniture (see layoutColumns).
 */
const LAYOUT_SHARE = 0.5;

/** A main with this many article elements, none of them long enough to be a story, is a page of teasers. */
const MIN_TEASERS = 3;

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
function densestParagraphParent(doc: Document, isSkipped: SkipTest): Element | null {
  const scores = new Map<Element, number>();
  const top = doc.body ?? doc.documentElement;
  for (const { holder, chars } of textBlocks(top, isSkipped)) {
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
 * The class-named "furniture" that holds most of the page's prose: layout
 * columns and wrappers whose class or id happens to hold a furniture word
 * ("l-sidebar-fixed", "ad-portal", "js-social-anchor-start"). Read as
 * furniture they drop the whole story. Prose is counted with such names
 * ignored, but not tags, roles, hidden content or list items, so a teaser
 * stream or a nav never makes its wrapper a column; comment threads are
 * never columns (see isLayoutNamedFurniture). Empty on most pages.
 */
function layoutColumns(doc: Document, isSkipped: SkipTest, isNamed: SkipTest): Set<Element> {
  const top = doc.body ?? doc.documentElement;
  const skippedByKind: SkipTest = (el) => isSkipped(el) && !isNamed(el);
  const held = new Map<Element, number>();
  let total = 0;
  for (const { block, chars } of textBlocks(top, skippedByKind)) {
    total += chars;
    for (let cur: Element | null = block; cur && cur !== top; cur = cur.parentElement) {
      if (isNamed(cur)) held.set(cur, (held.get(cur) ?? 0) + chars);
    }
  }
  const columns = new Set<Element>();
  for (const [el, chars] of held) if (chars >= MIN_ARTICLE_CHARS && chars >= total * LAYOUT_SHARE) columns.add(el);
  return columns;
}

/**
 * A per-element test remembered for one findArticleRoot call: every
 * paragraph asks the same ancestors again, for each candidate.
 */
function memoized(test: SkipTest): SkipTest {
  const known = new Map<Element, boolean>();
  return (el) => {
    let result = known.get(el);
    if (result === undefined) {
      result = test(el);
      known.set(el, result);
    }
    return result;
  };
}

/**
 * Returns the element that holds the article's headline and body, or null
 * when the page holds no substantial article text.
 */
export function findArticleRoot(doc: Document): Element | null {
  const isSkipped = memoized(isSkippedElement);
  const found = pickRoot(doc, isSkipped);
  // Layout columns cost a pass over the whole page; only a page where no story was found is looked at again.
  if (found) return found;
  const columns = layoutColumns(doc, isSkipped, memoized(isLayoutNamedFurniture));
  if (columns.size === 0) return null;
  const root = pickRoot(doc, (el) => !columns.has(el) && isSkipped(el));
  // The text model skips named furniture below its root whatever is decided
  // here, so a root above a layout column moves into it (the innermost, as
  // columns that each hold most of the prose are nested).
  let inner: Element | null = null;
  for (const column of columns) if (root && root !== column && root.contains(column) && (!inner || inner.contains(column))) inner = column;
  return inner ?? root;
}

/** findArticleRoot's choice, with `isSkipped` saying what is out of the article. */
function pickRoot(doc: Document, isSkipped: SkipTest): Element | null {
  const scored = [...doc.querySelectorAll(CANDIDATE_SELECTOR)]
    .filter((el) => !insideSkipped(el, doc.documentElement, isSkipped))
    .map((el) => ({ el, chars: paragraphTextLength(el, isSkipped) }))
    .filter((c) => c.chars >= MIN_ARTICLE_CHARS);
  if (scored.length === 0) return densestParagraphParent(doc, isSkipped);

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
  // Teasers in a sidebar or related box are not read anyway, so they do not count.
  const teasers = [...pick.el.querySelectorAll('article')].filter((el) => !insideSkipped(el, pick.el, isSkipped));
  if (teasers.length >= MIN_TEASERS && !nested.some((c) => c.el.tagName === 'ARTICLE')) return null;
  return pick.el;
}
