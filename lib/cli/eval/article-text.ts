/**
 * How much of a page's story the article root reads, measured against an
 * independent extractor: Mozilla Readability (Firefox's Reader View), run
 * on a copy of the same page. Two figures, over sentences of at least 40
 * characters compared without white space and case:
 *
 * - body read: the share of Readability's body text (in characters of
 *   those sentences) that Claimlens's article text holds — claims in a
 *   story that is not read can never be marked;
 * - outside: the share of Claimlens's text that is not in Readability's
 *   body — teasers, captions, boxes, where a mark would be out of place.
 *
 * Readability is not the truth (it keeps some comment threads and
 * navboxes, drops some headlines), so the figures are for comparing
 * versions of the article root, not targets. Code and figure captions are
 * taken out of its body: Claimlens skips code on purpose and reads
 * captions as part of the page, not of the body.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';

/** Sentences shorter than this (white space removed) are not counted: headings, bylines, labels. */
const MIN_SENTENCE_CHARS = 40;

/** Counts for one page or a sum of pages, in characters of counted sentences. */
export interface ArticleTextCounts {
  /** Readability's body, and the part of it Claimlens reads. */
  bodyChars: number;
  bodyRead: number;
  /** Claimlens's article text, and the part of it not in Readability's body. */
  ourChars: number;
  outside: number;
}

/** Compared form: NFKC, lower case, no white space or soft hyphens, straight quotes. */
function compared(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b\u00ad]+/gu, '')
    .replace(/[\u201c\u201d\u201e]/gu, '"')
    .replace(/[\u2018\u2019]/gu, "'");
}

/** Blocks and sentences of `text`, compared form, long enough to count. */
function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n|(?<=[.!?])\s+|(?<=[\u3002\uff01\uff1f])/u)
    .map(compared)
    .filter((s) => s.length >= MIN_SENTENCE_CHARS);
}

/** Readability's body text of `doc` (parsed from a copy; `doc` is untouched), blocks separated by blank lines, or '' when it finds none. */
export function readabilityBodyText(doc: Document): string {
  const article = new Readability(doc.cloneNode(true) as Document).parse();
  const dom = new JSDOM(`<body>${article?.content ?? ''}</body>`);
  const body = dom.window.document;
  for (const e of body.querySelectorAll('pre, code, figcaption')) e.remove();
  for (const e of body.querySelectorAll('p,div,li,h1,h2,h3,h4,h5,h6,td,th,blockquote,br,tr,dd,dt,section,article,figure')) e.append(body.createTextNode('\n\n'));
  const text = body.body.textContent ?? '';
  dom.window.close();
  return text;
}

/** Compares Claimlens's article text of a page (`ours`, '' when it found no article) with Readability's body text (`reference`). */
export function compareArticleText(ours: string, reference: string): ArticleTextCounts {
  const referenceAll = compared(reference);
  const oursAll = compared(ours);
  const counts: ArticleTextCounts = { bodyChars: 0, bodyRead: 0, ourChars: 0, outside: 0 };
  for (const s of sentences(reference)) {
    counts.bodyChars += s.length;
    if (oursAll.includes(s)) counts.bodyRead += s.length;
  }
  for (const s of sentences(ours)) {
    counts.ourChars += s.length;
    if (!referenceAll.includes(s)) counts.outside += s.length;
  }
  return counts;
}

/** The sum of per-page counts. */
export function addCounts(a: ArticleTextCounts, b: ArticleTextCounts): ArticleTextCounts {
  return { bodyChars: a.bodyChars + b.bodyChars, bodyRead: a.bodyRead + b.bodyRead, ourChars: a.ourChars + b.ourChars, outside: a.outside + b.outside };
}
