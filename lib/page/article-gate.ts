/**
 * The cheap gate in front of all costly work: does this page look like an
 * article? Metadata is checked first (a few selector lookups); a port of
 * Readability's isProbablyReaderable, which walks paragraphs, only runs
 * when it is absent.
 */
const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|ScholarlyArticle|Report)$/;

/** True when a JSON-LD value names an article type, searching @graph and arrays. */
function jsonLdHasArticle(value: unknown, depthLeft = 4): boolean {
  if (depthLeft < 0 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => jsonLdHasArticle(v, depthLeft - 1));
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return true;
  return jsonLdHasArticle(obj['@graph'], depthLeft - 1);
}

/** Why the page was judged an article, or null when it was not. */
export type ArticleSignal = 'og:type' | 'json-ld' | 'microdata' | 'readerable';

// Readability-readerable.js (@mozilla/readability 0.6.0, Apache-2.0): its
// defaults and patterns, unchanged; keep them in step on upgrades.
const MIN_CONTENT_LENGTH = 140;
const MIN_SCORE = 20;
const UNLIKELY_CANDIDATES = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE_A_CANDIDATE = /and|article|body|column|content|main|shadow/i;

/**
 * Readability's default visibility check: not display:none, not hidden, not
 * aria-hidden (save its fallback images). The style object, which the
 * element creates on first read, is only read when there is a style
 * attribute: without one, the inline display is empty.
 */
function isNodeVisible(node: Element): boolean {
  // SVG and MathML nodes may lack a style object or a string class name.
  const { className } = node as { className?: unknown };
  return (
    (!node.hasAttribute('style') || (node as Partial<ElementCSSInlineStyle>).style?.display !== 'none') &&
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true' || (typeof className === 'string' && className.includes('fallback-image')))
  );
}

/**
 * Readability's isProbablyReaderable with its default options, the same
 * verdict by a cheaper path. The score is a sum of non-negative terms over
 * the same nodes, so neither the order of the nodes nor the order of one
 * node's tests can change it; the text length, which turns away most nodes
 * of a page that is not an article, is tested first, so that the style
 * object, the class-name patterns (compiled on first use) and the `li p`
 * selector are only met by the few nodes long enough to count. The gate
 * runs cold on every page: first use is most of its cost.
 */
export function isProbablyReaderable(doc: Document): boolean {
  const nodes = new Set<Element>(doc.querySelectorAll('p, pre, article'));
  // <div> nodes that hold <br> line breaks stand in for paragraphs.
  for (const br of doc.querySelectorAll('div > br')) nodes.add(br.parentNode as Element);
  let score = 0;
  for (const node of nodes) {
    const length = (node.textContent ?? '').trim().length;
    if (length < MIN_CONTENT_LENGTH || !isNodeVisible(node)) continue;
    // A node with neither class nor id cannot match the patterns. Skipping
    // them spares compiling the patterns (V8 compiles a pattern to bytecode
    // on first use and to machine code on the next) on pages whose long
    // paragraphs are plain <p>s.
    const matchString = `${node.className} ${node.id}`;
    if (matchString !== ' ' && UNLIKELY_CANDIDATES.test(matchString) && !MAYBE_A_CANDIDATE.test(matchString)) continue;
    if (node.matches('li p')) continue;
    score += Math.sqrt(length - MIN_CONTENT_LENGTH);
    if (score > MIN_SCORE) return true;
  }
  return false;
}

/**
 * Returns the first signal that marks `doc` as an article, or null.
 * og:type article, schema.org (News)Article in JSON-LD or microdata, or
 * Readability's isProbablyReaderable (above).
 */
export function articleSignal(doc: Document): ArticleSignal | null {
  // A text or JSON file the browser shows as one <pre> is no article, however long (readerable would count it).
  if (doc.contentType && !/html/i.test(doc.contentType)) return null;
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (og === 'article' || og?.startsWith('article:')) return 'og:type';
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      if (jsonLdHasArticle(JSON.parse(script.textContent ?? ''))) return 'json-ld';
    } catch {
      // Broken JSON-LD is common in the wild; it just is not a signal.
    }
  }
  for (const el of doc.querySelectorAll('[itemtype]')) {
    const last = (el.getAttribute('itemtype') ?? '').split('/').pop() ?? '';
    if (ARTICLE_TYPES.test(last)) return 'microdata';
  }
  return isProbablyReaderable(doc) ? 'readerable' : null;
}
