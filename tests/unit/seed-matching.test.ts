// End to end on text: the seed article read the way the content script reads
// it (gate → article root → text model → matcher), checked against the
// fixture's expected mentions under its rules; then the same pack over 130
// real pages that carry none of its claims, where every annotation is wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compilePacks } from '../../lib/claims/compile';
import { createMatcher } from '../../lib/match/matcher';
import { findPageAnnotations } from '../../lib/page/page-annotations';

const PACK_FILE = 'assets/claims/seed-fox-2017.pack.json';
const SEED_DIR = '../shared/fixtures/seed-article';
const PAGES_DIR = '../shared/data/news-pages';

const claims = compilePacks([{ file: PACK_FILE, pack: JSON.parse(readFileSync(PACK_FILE, 'utf8')) }]).index.body.claims;
const matcher = createMatcher(claims);

/** The fixture's rule: compare texts with every run of Unicode white space collapsed to one space. */
const collapse = (s: string) => s.replace(/\s+/gu, ' ').trim();

interface Mention {
  text: string;
  claims: string[];
  required: boolean;
}

const hasSeed = existsSync(`${SEED_DIR}/expected.json`);
const hasPages = existsSync(PAGES_DIR);
if (!hasSeed) console.warn(`seed-matching: ${SEED_DIR} is absent; skipping the seed article checks.`);
if (!hasPages) console.warn(`seed-matching: ${PAGES_DIR} is absent; skipping the false-positive scan of real pages.`);

describe.skipIf(!hasSeed)('seed article', () => {
  const expected = hasSeed ? JSON.parse(readFileSync(`${SEED_DIR}/expected.json`, 'utf8')) : { mentions: [] };
  const mentions: Mention[] = expected.mentions;
  const doc = new JSDOM(hasSeed ? readFileSync(`${SEED_DIR}/index.html`, 'utf8') : '').window.document;
  const found = findPageAnnotations(doc, () => matcher);
  const text = found?.model.text ?? '';
  const highlights = (found?.annotations ?? []).map((a) => ({ claimId: a.claimId, text: collapse(text.slice(a.start, a.end)) }));

  /** Mentions whose text overlaps the highlight's text (the page has them as whole sentences or parts of one). */
  const overlapping = (h: { text: string }) =>
    mentions.filter((m) => {
      const mt = collapse(m.text);
      return h.text.includes(mt) || mt.includes(h.text);
    });

  it('is read as an article, from the article root only', () => {
    expect(found).not.toBeNull();
    expect(text).toContain('In the final hours');
    expect(text).not.toContain('Trending in Politics');
    expect(text).not.toContain('Comments are closed');
  });

  it('highlights every required mention with one of its claims', () => {
    const required = mentions.filter((m) => m.required);
    expect(required).toHaveLength(15);
    const missed = required.filter((m) => !highlights.some((h) => overlapping(h).includes(m) && m.claims.includes(h.claimId)));
    expect(missed.map((m) => m.text)).toEqual([]);
  });

  it('has no false positives', () => {
    const wrong = highlights.filter((h) => {
      const over = overlapping(h);
      return over.length === 0 || over.some((m) => !m.claims.includes(h.claimId));
    });
    expect(wrong).toEqual([]);
  });

  it('covers whole sentences, trimmed', () => {
    for (const a of found?.annotations ?? []) {
      const span = text.slice(a.start, a.end);
      expect(span).toBe(span.trim());
      expect(span).not.toContain('\n\n');
    }
  });
});

/**
 * Visible text of an HTML page by a crude tag strip: scripts, styles and
 * comments dropped, block tags turned into blank lines (as the text model
 * does), other tags removed, common entities decoded. It keeps navigation
 * and footers, so it is harsher than the content script, which reads only
 * the article root.
 */
function visibleText(html: string): string {
  const named: Record<string, string> = {
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
    mdash: '—', ndash: '–', hellip: '…', middot: '·',
  };
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|section|article|header|footer|nav|aside|blockquote|figure|figcaption|main|dd|dt|dl|pre|hr|form)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return named[e.toLowerCase()] ?? m;
    });
}

describe.skipIf(!hasPages)('false positives on 130 real pages', () => {
  it('annotates nothing on pages that carry none of the seed claims', () => {
    const pages = hasPages ? readdirSync(PAGES_DIR).filter((name) => existsSync(`${PAGES_DIR}/${name}/source.html`)) : [];
    expect(pages.length).toBeGreaterThanOrEqual(130);
    const annotations: string[] = [];
    let chars = 0;
    for (const name of pages) {
      const text = visibleText(readFileSync(`${PAGES_DIR}/${name}/source.html`, 'utf8'));
      chars += text.length;
      for (const a of matcher.match(text)) annotations.push(`${name}: ${a.claimId} (${a.score.toFixed(2)}) ${collapse(text.slice(a.start, a.end))}`);
    }
    console.info(`seed pack over ${pages.length} pages (${(chars / 1e6).toFixed(1)} M characters): ${annotations.length} annotations`);
    expect(annotations).toEqual([]);
  });
});
