/**
 * Tokenisation of the original text, with exact offsets.
 *
 * Tokens are found in the text as given and folded one by one, so offsets
 * never drift however many characters folding adds or removes. Hyphenated
 * words split into their parts ("then-candidate" → then, candidate) because
 * claims rarely use the same compound; dotted acronyms ("U.S.", "D.C.") stay
 * whole so that they are not read as a sentence end or as the pronoun "us".
 */
import { foldText } from './normalize';

/** One word of the text. */
export interface Token {
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset just past the last character (a possessive "'s" included). */
  end: number;
  /** Folded form without a possessive ending: "Russia’s" → "russia". */
  norm: string;
  /** True when the word begins with a capital letter as written (names, sentence starts). */
  cap: boolean;
  /** True when the word carried a possessive "'s" or "’s". */
  possessive: boolean;
}

/**
 * A dotted acronym ("U.S.", "a.m."), or a run of letters, digits, combining
 * marks and invisible joiners with internal apostrophes ("Russia's", "don't").
 */
const WORD = /(?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060]+(?:['\u2019][\p{L}\p{M}]+)*/gu;

const UPPER = /^\p{Lu}/u;

/**
 * Folds one word: see foldText. Exported so that aliases and claim wordings
 * are folded exactly like page text.
 */
export function foldWord(raw: string): { norm: string; possessive: boolean } {
  const folded = foldText(raw);
  if (folded.length > 2 && folded.endsWith("'s")) return { norm: folded.slice(0, -2), possessive: true };
  return { norm: folded, possessive: false };
}

/**
 * Splits `text[from, to)` into word tokens with offsets into `text`.
 * Punctuation and white space produce no tokens.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const raw = m[0];
    const end = Math.min(m.index + raw.length, to);
    const { norm, possessive } = foldWord(text.slice(m.index, end));
    if (norm.length === 0) continue;
    tokens.push({ start: m.index, end, norm, cap: UPPER.test(raw), possessive });
  }
  return tokens;
}
