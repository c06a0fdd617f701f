/**
 * Which parts of a page Claimlens never reads or marks.
 *
 * Tag names are checked first because they are cheap and unambiguous; class
 * and id words catch the page furniture that sites build from plain divs
 * (share bars, related links, ads, comment threads). We match whole words so
 * that "shared-content" or "adaptive" are not mistaken for "share" or "ad".
 */

/** Elements whose whole subtree is never part of the article text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH',
  'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'LABEL',
  'PRE', 'CODE', 'KBD', 'SAMP', 'DIALOG', 'MENU',
  'CLAIMLENS-CARD',
]);

/**
 * Furniture words of regions that hold other text than the story (comment
 * threads, teasers of other stories, sponsored links): never a layout
 * column, however much text they hold (see isLayoutNamedFurniture).
 */
const FOREIGN_TEXT_ALTERNATIVES = String.raw`comments?|commentary-thread|disqus|related\w*|recommend\w*|suggested\w*|most-(?:read|popular)\w*|outbrain|taboola|promo\w*|sponsor\w*`;

/** A class or id word test: any of `alternatives` as a whole word of the list (words split at spaces, "_" and "-"). */
function classWords(alternatives: string): RegExp {
  return new RegExp(String.raw`(?:^|[\s_-])(${alternatives})(?:$|[\s_-])`, 'i');
}

/**
 * Class or id words that mark page furniture rather than article prose: the
 * foreign-text words above and the words of page chrome. A few take any
 * ending, as sites glue them to other words ("jp-relatedposts",
 * "suggested_reading", "most-read-wrap", "cookieChoiceInfo").
 */
const FURNITURE_WORDS = classWords(
  String.raw`${FOREIGN_TEXT_ALTERNATIVES}|share|sharing|social|ads?|advert\w*|newsletter|subscribe|sidebar|byline|meta|breadcrumbs?|tags|signup|user-bio|infoCard|cookie\w*`,
);

/** See FOREIGN_TEXT_ALTERNATIVES. */
const FOREIGN_TEXT_WORDS = classWords(FOREIGN_TEXT_ALTERNATIVES);

/**
 * Inline elements of running text. In a paragraph their class words name
 * what they mark up, not page furniture: "a.meta-loc" is the link on
 * "Sudan" in a sentence, and skipping it would cut the name out of it.
 */
const PHRASING_TAGS = new Set([
  'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL', 'ABBR', 'CITE', 'Q', 'MARK', 'SUP', 'SUB', 'TIME', 'FONT', 'BDI', 'BDO', 'DFN', 'VAR', 'DATA',
]);

/**
 * Class lists of <body> and <html> describe the whole page's layout
 * ("panel-layout-two-col-sidebar-right-mix", "yog-ad-leaderboard"), not a
 * piece of furniture: read as furniture they hid every article on the page.
 */
const PAGE_TAGS = new Set(['BODY', 'HTML']);

/** A heading's text as documentation generators and Markdown turn it into an id ("Sharing with a developer" → "sharing-with-a-developer"). */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Words in a section id, at least, for it to read as a title rather than a furniture name ("share-this", "social-media"). */
const MIN_SLUG_WORDS = 3;

/**
 * True when the id is the slug of the element's own heading, of a few
 * words: a document section named after its title
 * ("#sharing-with-a-single-developer"), whatever furniture word the title
 * holds. Comment threads and teaser boxes get no such pass
 * ("#related-stories-for-you" under "Related stories for you").
 */
function isSectionSlug(el: Element): boolean {
  const id = el.id.toLowerCase();
  if (id.split('-').length < MIN_SLUG_WORDS || FOREIGN_TEXT_WORDS.test(id)) return false;
  const heading = el.firstElementChild;
  return !!heading && /^H[1-6]$/.test(heading.tagName) && slug(heading.textContent ?? '') === id;
}

/** True when the element's class or id says it is page furniture (see FURNITURE_WORDS, PHRASING_TAGS and PAGE_TAGS). */
function isFurniture(el: Element, tag: string): boolean {
  if (PAGE_TAGS.has(tag)) return false;
  const cls = typeof el.className === 'string' ? el.className : '';
  const named = (!!cls && FURNITURE_WORDS.test(cls)) || (!!el.id && FURNITURE_WORDS.test(el.id) && !isSectionSlug(el));
  return named && !(PHRASING_TAGS.has(tag) && el.closest('p') !== null);
}

/** Headings of any level. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * True when a list item is a teaser card: a headline that is a link (a
 * linked heading, or a link as its first element with a paragraph after
 * it) pointing to another story, as in streams of related
 * stories. A list item with a plain heading is left to the page: a numbered
 * story ("1. The claim about tolls") is written so.
 */
function isTeaserItem(li: Element): boolean {
  const first = li.firstElementChild;
  if (first?.tagName === 'A' && first.hasAttribute('href') && first.nextElementSibling?.tagName === 'P') return true;
  // Most list items hold no heading: one plain query, and the link test only for the headings found.
  for (const heading of li.querySelectorAll(HEADINGS)) if (heading.querySelector('a[href]') || heading.closest('a[href]')) return true;
  return false;
}

/**
 * True when the element's own contenteditable attribute makes it editable.
 * The attribute is enumerated, so its keywords ignore case ("FALSE" is
 * false), and a value that is none of them ("yes") leaves the element as
 * its parent is, not editable of its own.
 */
export function isEditableElement(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  if (value === null) return false;
  const keyword = value.toLowerCase();
  return keyword === '' || keyword === 'true' || keyword === 'plaintext-only';
}

/** True when the element's tag, role, visibility or editability (not its class or id) puts it out of the article. */
function isSkippedByKind(el: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  // An inline display:none hides it as surely as `hidden` (a computed style would cost a layout).
  if (el.hasAttribute('style') && (el as Partial<ElementCSSInlineStyle>).style?.display === 'none') return true;
  if (isEditableElement(el)) return true;
  // A link wrapped around a heading is a teaser card's headline, never the story's own.
  if (tag === 'A' && el.querySelector(HEADINGS)) return true;
  // A list item whose heading is a link is a teaser card; one whose heading is plain text may be a point of the story (a listicle, a fact-check roundup).
  if (tag === 'LI' && isTeaserItem(el)) return true;
  const role = el.getAttribute('role');
  return role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'textbox';
}

/**
 * True when an element and everything inside it must be left alone: page
 * furniture, code, form controls, editable regions and hidden content.
 */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return isSkippedByKind(el, tag) || isFurniture(el, tag);
}

/**
 * True when only a class or id word makes `el` furniture, and not a word of
 * comments or teasers (FOREIGN_TEXT_WORDS). Sites put such words on layout columns too
 * ("l-sidebar-fixed l-article-body-segment", "js-social-anchor-start"), so
 * the article root finder may read one as layout when it holds the story.
 */
export function isLayoutNamedFurniture(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (isSkippedByKind(el, tag) || !isFurniture(el, tag)) return false;
  const cls = typeof el.className === 'string' ? el.className : '';
  return !FOREIGN_TEXT_WORDS.test(cls) && !FOREIGN_TEXT_WORDS.test(el.id);
}

/** Elements that start a new block of text: sentences never run across them. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** True when the element breaks the flow of text (by tag, without layout). */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}
