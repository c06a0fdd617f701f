/**
 * False positives on real pages: the 130 saved pages of
 * ../shared/data/news-pages, none of which carries a claim of the bundled
 * packs, read through the content script's path (jsdom, then
 * findPageAnnotations). Each page is parsed once and its article text
 * matched by every matcher under test, so adding a pack costs only matching.
 * The same pass compares the article text with Readability's (article-text.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Matcher } from '../../match/matcher';
import type { MatchEvidence } from '../../match/types';
import { findPageAnnotations } from '../../page/page-annotations';
import { addCounts, compareArticleText, readabilityBodyText, type ArticleTextCounts } from './article-text';

/** One highlight the extension would make on a page. */
export interface PageMark {
  page: string;
  claimId: string;
  score: number;
  /** The highlighted sentence, white space collapsed. */
  sentence: string;
  evidence: MatchEvidence;
}

/** What scanning found: pages read, pages that passed the article gate, and the marks per matcher. */
export interface PageScan {
  pages: number;
  articles: number;
  marks: Map<string, PageMark[]>;
  /** The article text against Readability's (article-text.ts), summed over the pages index.json calls readerable. */
  articleText: ArticleTextCounts & { pages: number };
}

/** The pages index.json marks as readerable (a story a reader view would show). */
function readerablePages(pagesDir: string): Set<string> {
  const file = path.join(pagesDir, 'index.json');
  if (!existsSync(file)) return new Set();
  const entries = JSON.parse(readFileSync(file, 'utf8')) as { name: string; readerable?: boolean }[];
  return new Set(entries.filter((e) => e.readerable === true).map((e) => e.name));
}

/** The page folders that hold a source.html, sorted. */
export function listPages(pagesDir: string): string[] {
  return readdirSync(pagesDir)
    .filter((name) => existsSync(path.join(pagesDir, name, 'source.html')))
    .sort();
}

/**
 * Reads every page and matches its article text with each matcher. The
 * first matcher goes through findPageAnnotations itself; the others match
 * the very text model it built, which is what the content script would
 * hand them.
 */
export function scanPages(pagesDir: string, matchers: { name: string; matcher: Pick<Matcher, 'match'> }[]): PageScan {
  const marks = new Map<string, PageMark[]>(matchers.map((m) => [m.name, []]));
  const pages = listPages(pagesDir);
  const readerable = readerablePages(pagesDir);
  let articles = 0;
  let articleText = { pages: 0, bodyChars: 0, bodyRead: 0, ourChars: 0, outside: 0 };
  // Pages carry broken CSS and scripts; jsdom's complaints about them are noise here.
  const virtualConsole = new VirtualConsole();
  for (const page of pages) {
    const html = readFileSync(path.join(pagesDir, page, 'source.html'), 'utf8');
    const dom = new JSDOM(html, { url: 'http://127.0.0.1/', virtualConsole });
    try {
      const [first, ...rest] = matchers;
      if (!first) break;
      const reference = readerable.has(page) ? readabilityBodyText(dom.window.document) : '';
      const found = findPageAnnotations(dom.window.document, () => first.matcher);
      if (reference !== '') articleText = { ...addCounts(articleText, compareArticleText(found?.model.text ?? '', reference)), pages: articleText.pages + 1 };
      if (!found) continue;
      articles++;
      const text = found.model.text;
      const record = (name: string, annotations: typeof found.annotations) => {
        for (const a of annotations) {
          marks.get(name)!.push({
            page,
            claimId: a.claimId,
            score: a.score,
            sentence: text.slice(a.start, a.end).replace(/\s+/gu, ' ').trim(),
            evidence: a.evidence,
          });
        }
      };
      record(first.name, found.annotations);
      for (const m of rest) record(m.name, m.matcher.match(text));
    } finally {
      dom.window.close();
    }
  }
  return { pages: pages.length, articles, marks, articleText };
}
