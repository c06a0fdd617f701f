/**
 * The character-level scanner behind tokenize (tokenize.ts).
 *
 * The WORD regex there is exact but slow: every call steps through Unicode
 * property classes, and most of a page is plain ASCII prose. These helpers
 * read ASCII words directly from character codes and say "ask the regex"
 * (-1) whenever a word could be anything other than a plain word or a
 * dotted acronym: a number with separators, a non-ASCII letter, a mark or
 * an invisible character, or a word that runs past the end. Each answer
 * they give is the one the regex would give; tests/unit/match-tokenize-diff.test.ts
 * checks that on real pages and on random strings.
 */

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
/** An ASCII letter or digit. */
export const isAlnum = (c: number): boolean => isDigit(c) || isLetter(c);
const RIGHT_QUOTE = 0x2019;

/** Bits of ASCII_CLASS. */
const WORD = 1;
const UPPER = 2;
const DIGIT = 4;
/** After a word, ends it with nothing more to check (white space, most punctuation). */
const PLAIN_END = 8;

/**
 * What each ASCII character is to the scanner. Apostrophes, ".", ",",
 * ":" and "-" are not plain ends: they may continue a word ("don't"), make
 * it an acronym or a number, or start a link check.
 */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-z]/.test(ch)) ASCII_CLASS[c] = WORD;
  else if (/[A-Z]/.test(ch)) ASCII_CLASS[c] = WORD | UPPER;
  else if (/[0-9]/.test(ch)) ASCII_CLASS[c] = WORD | DIGIT;
  else if (!"'.,:-".includes(ch)) ASCII_CLASS[c] = PLAIN_END;
}

/**
 * The first position from `p` (before `to`) where a word could start: white
 * space and punctuation are skipped here in one loop, the rest of the
 * scanner never sees them.
 */
export function skipSeparators(text: string, p: number, to: number): number {
  while (p < to) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if ((ASCII_CLASS[c]! & WORD) !== 0 || c === 35 || c === 64) return p; // "#" and "@" may start a tag
    } else if (!isSeparator(c)) {
      return p;
    }
    p++;
  }
  return p;
}

/** What the last scan saw, read by tokenize right after the call. */
export const scanned = { upper: false, apostrophe: false };

/**
 * The end of the plain ASCII word (letters and digits only) that starts at
 * `p`, or -1 when what follows it needs a closer look (asciiWordEnd, or the
 * regex). This is the path of most words of a page, so it is one tight
 * loop over a table; scanned.upper says whether the word needs lower-casing.
 */
export function plainWordEnd(text: string, p: number): number {
  const first = ASCII_CLASS[text.charCodeAt(p)]!;
  let upper = (first & UPPER) !== 0;
  let q = p + 1;
  let c = text.charCodeAt(q);
  while (c < 128) {
    const k = ASCII_CLASS[c]!;
    if ((k & WORD) === 0) break;
    if ((k & UPPER) !== 0) upper = true;
    c = text.charCodeAt(++q);
  }
  scanned.upper = upper;
  if (q === text.length) return q;
  if (c < 128) {
    // A "," after digits may group a number ("1,250"); after letters it ends the word.
    if ((ASCII_CLASS[c]! & PLAIN_END) !== 0 || (c === 44 && (first & DIGIT) === 0)) return q;
    return -1;
  }
  return c !== RIGHT_QUOTE && isSeparator(c) ? q : -1;
}

/** The characters of WORD's last alternative, tested one at a time for the scanner's table. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060]/u;

/**
 * What the scanner knows of each BMP character above ASCII: 0 not yet
 * looked at, 1 can neither start nor continue a word (typographic quotes,
 * dashes, no-break spaces…), 2 anything else. Filled lazily, so a page pays
 * one regex test per distinct character, not one per occurrence.
 */
const NON_ASCII = new Uint8Array(0x10000);

/** True for a non-ASCII code unit that no WORD alternative can start or continue with. */
export function isSeparator(c: number): boolean {
  let kind = NON_ASCII[c]!;
  if (kind === 0) {
    // Surrogates are left to the regex, which sees whole code points.
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    kind = surrogate || WORD_CHAR.test(String.fromCharCode(c)) ? 2 : 1;
    NON_ASCII[c] = kind;
  }
  return kind === 1;
}



/**
 * The most letters of a dotted acronym ("U.S.", "a.m."): WORD's acronym
 * alternative is bounded by it, so that a long run like "A.A.A.…" is not
 * read to its end from each of its letters (quadratic time).
 */
export const MAX_ACRONYM_LETTERS = 12;

/**
 * Where the ASCII word starting at `p` ends, when the scanner can tell for
 * sure that WORD would match exactly `[p, end)` with its last alternative
 * (a plain word, with internal apostrophes), or with its acronym
 * alternative; -1 whenever anything else could happen (a grouped or
 * decimal number, a non-ASCII letter, mark or invisible character in
 * reach), so that the caller asks the regex instead.
 */
export function asciiWordEnd(text: string, p: number): number {
  scanned.apostrophe = false;
  let q = p;
  while (isDigit(text.charCodeAt(q))) q++;
  if (q > p) {
    // Digits then "," or "." and another digit may be a grouped or decimal number.
    const sep = text.charCodeAt(q);
    const next = text.charCodeAt(q + 1);
    if ((sep === 44 || sep === 46) && (isDigit(next) || next >= 128)) return -1;
  } else if (text.charCodeAt(p + 1) === 46) {
    // A letter then ".": perhaps a dotted acronym ("U.S."), which needs two
    // to MAX_ACRONYM_LETTERS letter-dot pairs and no letter after; a longer
    // run is read as single letters, as WORD reads it.
    let i = p;
    let pairs = 0;
    while (pairs <= MAX_ACRONYM_LETTERS) {
      const c = text.charCodeAt(i);
      if (c >= 128) return -1;
      if (!isLetter(c) || text.charCodeAt(i + 1) !== 46) break;
      i += 2;
      pairs++;
    }
    if (pairs >= 2 && pairs <= MAX_ACRONYM_LETTERS) return isLetter(text.charCodeAt(i)) ? p + 1 : i;
    return p + 1;
  }
  while (isAlnum(text.charCodeAt(q))) q++;
  for (;;) {
    const c = text.charCodeAt(q);
    if (c === 39 || c === RIGHT_QUOTE) {
      // An apostrophe continues the word only before a letter ("don't", "Russia’s").
      const after = text.charCodeAt(q + 1);
      if (after >= 128) {
        if (isSeparator(after)) return q;
        return -1;
      }
      if (!isLetter(after)) return q;
      scanned.apostrophe = true;
      q += 2;
      while (isLetter(text.charCodeAt(q))) q++;
      if (isDigit(text.charCodeAt(q))) return q; // digits cannot follow an apostrophe part
      continue;
    }
    if (c >= 128 && !isSeparator(c)) return -1; // NaN (the end) compares false
    return q;
  }
}

/**
 * The longest host name LINK reads (a DNS name has at most 253
 * characters). Bounding the look ahead keeps tokenising linear: without
 * it, every word of a long run like "a-a-a-…" or "ab.ab.ab.…" looked to the
 * run's end, and 60,000 such characters took seconds.
 */
export const MAX_HOST_LENGTH = 253;

/**
 * True when LINK could match at `p`, a quick look before running it: a
 * scheme or "www.", or a run of ASCII letters, digits, dots and hyphens
 * that reaches a "/" (or a non-ASCII character, which the regex judges)
 * within MAX_HOST_LENGTH characters.
 */
export function mayBeLink(text: string, p: number): boolean {
  if (text.startsWith('http', p) || text.startsWith('www.', p)) return true;
  const end = p + MAX_HOST_LENGTH + 1;
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(isAlnum(c) || c === 45 || c === 46)) return c === 47 || c >= 128;
  }
  return false;
}

