/**
 * Finding the element that holds the article, so that navigation, sidebars,
 * footers and comments are never read or marked.
 *
 * Candidates are the elements that pages use to say "this is the story"
 * (article, schema.org Article microdata, articleBody, main). Each is scored
 * by the paragraph text it holds outside page furniture. Among candidates
 * that hold about as much text as the best, an article-type element wins,
 * because it also holds the headline, which articleBody usually does not.
 */
import { isSkippedElement } from './skip-rules';

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

/** Characters of paragraph text under `el`, not counting page furniture. */
export function paragraphTextLength(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll('p')) {
    if (insideSkipped(p, el)) continue;
    total += (p.textContent ?? '').trim().length;
  }
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
 * counts in full for its parent and by half for its grandparent, so that a
 * story split over sibling blocks (one div per section, as CMS grids write
 * it) is found whole rather than one block of it.
 */
function densestParagraphParent(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  const top = doc.body ?? doc.documentElement;
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent || insideSkipped(p, top)) continue;
    const chars = (p.textContent ?? '').trim().length;
    scores.set(parent, (scores.get(parent) ?? 0) + chars);
    const grandparent = parent.parentElement;
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
