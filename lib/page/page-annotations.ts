/**
 * The read-only half of annotating a page, shared by the content script and
 * the `claims annotate` command so that both always agree: gate, article
 * root, text model, matching. Nothing here writes to the DOM.
 */
import type { Matcher } from '../match/matcher';
import type { Annotation } from '../match/types';
import { articleSignal, type ArticleSignal } from './article-gate';
import { findArticleRoot } from './article-root';
import { buildTextModel, type TextModel } from './text-model';

/** What matching found on one page. */
export interface PageAnnotations {
  signal: ArticleSignal;
  model: TextModel;
  annotations: Annotation[];
}

/**
 * Matches the article in `doc`, or returns null when the page does not look
 * like an article or has no article root. The matcher is asked for only
 * after the gate passes, so pages that are not articles never pay for
 * loading the index; whatever `getMatcher` throws propagates.
 */
export function findPageAnnotations(doc: Document, getMatcher: () => Pick<Matcher, 'match'>): PageAnnotations | null {
  const signal = articleSignal(doc);
  if (!signal) return null;
  const root = findArticleRoot(doc);
  if (!root) return null;
  const model = buildTextModel(root);
  return { signal, model, annotations: getMatcher().match(model.text) };
}
