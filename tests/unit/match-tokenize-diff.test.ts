// The ASCII scanner of tokenize() must give exactly the tokens of the
// regex-only tokenizer it sits in front of (tokenizeWithRegexOnly): same start, end,
// norm, cap and possessive, on the real bench pages, on tricky cases and on
// random strings built from the characters where the two could part ways.
// Likewise splitSentences against its regex-per-character version
// (sentences-reference.ts).
import { describe, expect, it } from 'vitest';
import { readPages } from '../../lib/cli/bench/corpus';
import { splitSentences } from '../../lib/match/sentences';
import { tokenize, tokenizeWithRegexOnly as referenceTokenize } from '../../lib/match/tokenize';
import { HAS_SHARED, SHARED_DIR } from '../support/shared';
import { referenceSplitSentences } from './sentences-reference';

const TRICKY = [
  'Russia’s envoy didn’t say; Trump\'s aides\u2019 rock\'n\'roll rock’n1 o\'\u00e9t\u00e9 l’été it\'s\u00a0x',
  '“Quoted,” she said — “twice.” ‘Single’ «guillemets» „low“',
  'inter\u00adnational zero\u200bwidth join\u200dme word\u2060joiner \ufeffbom',
  'ﬁnal ﬂow ＦＢＩ Ⅻ ½ x² Zürich Ñandú naïve café CAFÉ Ångström',
  '#FloodWarning @MayorJaneDoe @riverfan1987 #COVID19 #Storm2pic.twitter.com/a1B #Floodhttps://x.co a#b foo@bar.com',
  'See https://example.com/a1B?x=1, www.example.org and example.com/path or pic.twitter.com/xyz. Done: end.',
  '$1,250 and 1250 dollars, 2.5 percent, 12,345.67, 1,2345, 1,234,5678, 1234,567, 3.14x, 2.5.6, 10.5% 1,250th',
  'U.S. U.S.A. D.C., a.m. p.m. U.S.-Mexico e.g. i.e., U.S.é A.B.C.D. X.Y 2.a.b. A.b.',
  'then-candidate co-pay self—made 9/11 24/7 covid-19 COVID‑19 well\u2011known',
  'Trump’s Trump\'s James\' Jesus’ ’s \'s s\'s it’s  ’tis \'90s rock’\u00e9',
  'emoji 😀word 𝐁old 𝟏𝟐 ٣٤٥ १२३ 中文字 한국어 עברית العربية Ελληνικά',
  'mix3d W0rds A1 1A 2nd 19th 1990s mid-1990s 100% $5bn €20m £3.5bn',
  'Mr. Smith met Sen. Jones in Washington, D.C. on Jan. 5. He left. Gen. Mills said “No.” Then “Yes!”[12] After [3] it.',
  'It ended.“Next one” started.\u201dQuote.\u2019 He said."When it rained… It poured!? Yes.\n \t\nNew block\r\n\r\nThird. (Fourth.) Fifth.',
  'Calif. The man. Calif. Voters came. U.S. Officials said. e.g. The end. A. Lincoln spoke. 3. Item two. ÉCOLE. Été. Über.',
  'end.', 'x', '', '...', "'", '’s', 'a.', 'a.b', 'a.b.', 'ab.cd/ef', 'Ab.cd.ef', 'file.txt: yes', 'time: 5:30',
  // At the bounds of the acronym and the link host (scan.ts MAX_ACRONYM_LETTERS, MAX_HOST_LENGTH).
  'A.'.repeat(11) + ' x', 'A.'.repeat(12) + ' x', 'A.'.repeat(13) + ' x', 'A.'.repeat(12) + 'b', 'É.'.repeat(13) + ' x',
  `${'a'.repeat(60)}.com/x ${'a'.repeat(64)}.com/x ${'ab.'.repeat(16)}com/x ${'ab.'.repeat(17)}com/x`,
  `see ${'a'.repeat(250)}.com/x and ${'b-'.repeat(130)}c.org/y`,
  `see ${`${'a'.repeat(60)}.`.repeat(5)}com/x now ${`${'a'.repeat(60)}.`.repeat(4)}com/x then ${`${'é'.repeat(60)}.`.repeat(5)}com/x`,
];

/** Characters where the scanner and the regex could disagree, weighted towards the ASCII fast path. */
const ALPHABET = [
  ...'aAbBsStTzZ019', ...'aeiouRST', ' ', ' ', ' ', '.', ',', "'", '\u2019', '-', ':', '/', '#', '@', '_',
  '\u00e9', '\u0301', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u2060', '\ufb01', '\u2014', '\u201c', '\u00b2',
  '\u0663', '😀', 'http://', 'www.', '.com/', 'U.S.', '1,250', '2.5',
  '. ', '! ', '? ', '\u2026', '\n', '\n\n', ' \t', '\u201d', ')', '[1]', '"', 'Mr.', 'Calif.', ' The', ' \u00c9t', '\u3000',
];

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectSame(text: string, from?: number, to?: number): void {
  expect(tokenize(text, from, to), JSON.stringify(text)).toEqual(referenceTokenize(text, from, to));
  if (from === undefined) expect(splitSentences(text), JSON.stringify(text)).toEqual(referenceSplitSentences(text));
}

describe('tokenize and splitSentences against their regex-only versions', () => {
  it('agrees on tricky cases, whole and in every sub-range of a few', () => {
    for (const text of TRICKY) expectSame(text);
    for (const text of TRICKY.slice(0, 4)) {
      for (let from = 0; from < text.length; from += 3) for (let to = from; to <= text.length; to += 5) expectSame(text, from, to);
    }
  });

  it('agrees on random strings of the characters where they could part ways', () => {
    const next = random(20240601);
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + Math.floor(next() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)]!;
      expectSame(text);
    }
  });

  it.skipIf(!HAS_SHARED)('agrees on every bench page (the seed article and the news pages)', () => {
    const pages = readPages(SHARED_DIR, { gateRuns: 1 });
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      expect(splitSentences(page.text), page.name).toEqual(referenceSplitSentences(page.text));
      const ours = tokenize(page.text);
      const reference = referenceTokenize(page.text);
      expect(ours.length, page.name).toBe(reference.length);
      for (let i = 0; i < ours.length; i++) if (JSON.stringify(ours[i]) !== JSON.stringify(reference[i])) expect(ours[i], `${page.name} token ${i}`).toEqual(reference[i]);
    }
  }, 180_000);
});

if (!HAS_SHARED) console.warn('[match-tokenize-diff] ../shared is absent: the comparison on the bench pages is skipped.');
