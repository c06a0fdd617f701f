/**
 * The cheap gate in front of all costly work: does this page look like an
 * article? Metadata is checked first (a few selector lookups); Readability's
 * isProbablyReaderable, which walks paragraphs, only runs when it is absent.
 */
// The readerable check alone: the package's index would bring all of Readability.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

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

/**
 * Returns the first signal that marks `doc` as an article, or null.
 * og:type article, schema.org (News)Article in JSON-LD or microdata, or
 * Readability's isProbablyReaderable.
 */
export function articleSignal(doc: Document): ArticleSignal | null {
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
