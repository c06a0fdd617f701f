/**
 * The real news pages of the shared corpus, and a probe pack that makes the
 * extension highlight something on most of them. The bundled claims concern
 * one 2017 story, so on these pages they highlight nothing, and a robustness
 * or layout test there would prove little. The probe pack (generated at test
 * time, never committed) holds, as claims, up to two sentences taken from
 * each page's own paragraphs, so the extension marks real text in real DOMs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from './paths';

/** Folder of the saved pages (`<name>/source.html`). */
export const NEWS_DIR = path.join(sharedDir, 'data/news-pages');

/** One saved page. */
export interface NewsPage {
  name: string;
  file: string;
}

/** Every saved page, sorted by name. */
export function newsPages(): NewsPage[] {
  if (!existsSync(NEWS_DIR)) return [];
  return readdirSync(NEWS_DIR)
    .filter((name) => existsSync(path.join(NEWS_DIR, name, 'source.html')))
    .sort()
    .map((name) => ({ name, file: path.join(NEWS_DIR, name, 'source.html') }));
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018', ldquo: '\u201c', rdquo: '\u201d', mdash: '\u2014', ndash: '\u2013' };

/** Plain text of a paragraph's inner HTML: tags dropped, common entities decoded. */
function paragraphText(inner: string): string {
  return inner
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Up to `perPage` sentences of 10 to 35 words from the page's <p> elements,
 * taken from the middle of the page (least likely to be furniture). A plain
 * regex over the HTML is enough: a sentence that is not in the article root
 * in the browser simply finds nothing to highlight.
 */
export function probeSentences(html: string, perPage = 2): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    for (const sentence of paragraphText(match[1]!).split(/(?<=[.!?])\s+(?=[A-Z])/)) {
      const words = sentence.split(' ');
      if (words.length >= 10 && words.length <= 35 && /^[A-Z]/.test(sentence) && /[.!?]$/.test(sentence) && !/[<>{}|\\]/.test(sentence)) {
        found.push(sentence);
      }
    }
  }
  const mid = Math.floor(found.length / 2);
  return found.slice(mid, mid + perPage);
}

/** The probe pack: each page's probe sentences as claims, ids naming the page. */
export function probePack(pages: readonly NewsPage[]): Record<string, unknown> {
  const seen = new Set<string>();
  const claims: Record<string, unknown>[] = [];
  for (const page of pages) {
    probeSentences(readFileSync(page.file, 'utf8')).forEach((text, k) => {
      if (seen.has(text)) return;
      seen.add(text);
      const slug = page.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      claims.push({ id: `probe-${slug}-${k}`, text });
    });
  }
  return {
    format: 'claimlens-pack/1',
    id: 'news-page-probe',
    title: 'Probe sentences from the saved news pages (tests only)',
    version: '1',
    language: 'en',
    license: 'test data; the sentences belong to their publishers',
    source: { name: 'shared/data/news-pages' },
    claims,
  };
}
