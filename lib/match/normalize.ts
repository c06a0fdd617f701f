/**
 * Unicode normalisation for matching.
 *
 * Pages and packs write the same word in many ways: curly or straight
 * apostrophes, en or em dashes, no-break spaces, accented or plain letters,
 * upper or lower case. Matching compares folded forms only; offsets always
 * refer to the original text (see tokenize.ts, which folds token by token,
 * and normalizeWithMap below for whole-string folding with an offset map).
 */

/** Single characters folded to a plain ASCII equivalent. */
const CHAR_FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '\u0060': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u205f': ' ', '\u3000': ' ',
};

/** Invisible characters that split words in the DOM but not for a reader (soft hyphen, zero-width). */
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;

/** Other typographic spaces (U+2000…U+200A) fold to a plain space. */
const WIDE_SPACES = /[\u2000-\u200a]/g;

/** Combining marks left over after canonical decomposition: the diacritics. */
const COMBINING = /\p{M}/gu;

const FOLD_CHARS = new RegExp(`[${Object.keys(CHAR_FOLDS).join('')}]`, 'g');

/**
 * True when folding `s` is only lower-casing: ASCII without the backtick
 * (the one ASCII character CHAR_FOLDS maps). Most words of a page are, and
 * they skip five replaces and a normalisation.
 */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || c === 0x60) return false;
  }
  return true;
}

/**
 * Folds a string for comparison: typographic quotes, dashes and spaces to
 * ASCII, invisible characters removed, compatibility forms (ligatures, full
 * width) expanded, diacritics stripped, and case folded.
 * The result can be shorter or longer than the input; use it on tokens or
 * on whole strings whose offsets do not matter.
 */
export function foldText(s: string): string {
  if (isPlainAscii(s)) return s.toLowerCase();
  return s
    .replace(FOLD_CHARS, (c) => CHAR_FOLDS[c] ?? c)
    .replace(WIDE_SPACES, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase();
}

/** A folded string and, for each of its characters, the offset of the character it came from. */
export interface NormalizedText {
  text: string;
  /** `offsets[i]` is the original offset of `text[i]`; `offsets[text.length]` is the original length. */
  offsets: number[];
}

/**
 * Folds `text` like foldText while keeping a map from every folded
 * character back to the original offset, so that a match found in the
 * folded text can be reported in the original's coordinates.
 */
export function normalizeWithMap(text: string): NormalizedText {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldText(text.slice(i, i + width));
    for (let j = 0; j < folded.length; j++) offsets.push(i);
    out += folded;
    i += width;
  }
  offsets.push(text.length);
  return { text: out, offsets };
}
