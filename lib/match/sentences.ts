/**
 * Sentence splitting for news prose.
 *
 * The text comes from the page's text model, where block elements are
 * separated by a blank line: a sentence never crosses one. Inside a block a
 * sentence ends at ".", "!", "?" or "…" (plus any closing quotes or
 * brackets) when the next sentence visibly starts: white space then a
 * capital, digit or opening quote, or, after a closing quote, a capital with
 * no space at all (pages often lose the space between `campaign."When`).
 * Abbreviations (titles, states, months, initials, "U.S.") do not end one.
 */

/** A sentence as offsets into the text, trimmed of surrounding white space. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations that precede a name or number, so they never end a sentence. */
export const TITLES = new Set(
  `mr mrs ms dr sen sens rep reps gov govs gen lt col capt sgt cmdr adm maj cpl pvt prof rev fr st hon pres
  supt atty dept vol fig pp ft mt`.split(/\s+/),
);

/**
 * Abbreviations that usually sit mid-sentence but can also end one: US
 * states in AP style, months, company suffixes, Latin shorthands. They end a
 * sentence only when the next word is a typical sentence opener. Compared
 * case-sensitively, so that "Mass." is the state but "mass." the noun.
 */
export const ABBREVIATIONS = new Set(
  `Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore
  Pa Tenn Tex Va Vt Wash Wis Wyo Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Corp Co Ltd Bros LLC
  Jr Sr No Nos Rd Ave Blvd vs etc al approx est e.g i.e`.split(/\s+/),
);

/** Capitalised words that typically open a sentence, used after an ambiguous abbreviation. */
export const OPENERS = new Set(
  `the a an he she it they we i you his her its their this that these those there but and or so yet in on at
  for after before when while if as however meanwhile still now then also since although though`.split(/\s+/),
);

/** A numbered reference mark right after a sentence's end. */
const CITATION = /^\[\d{1,4}\]/;
const OPENING = /["'\u201c\u2018\u00ab(\[]/;
const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const UPPER_WORD = /^\p{Lu}$/u;
const LETTER_OR_DOT = /[\p{L}.]/u;
const LETTERS = /^[\p{L}]+/u;

/*
 * The splitter runs on every page, so the tests made per character are
 * written on character codes, with the Unicode regexes kept for non-ASCII
 * characters only; they give the same answers as the regexes alone
 * (tests/unit/match-tokenize-diff.test.ts compares them on real pages).
 */

/** JavaScript's \s, on a character code. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A closing quote or bracket (", ', ”, ’, », ")" or "]"), which belongs to the sentence it follows. */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
}

function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

const TERMINATORS = ['.', '!', '?', '\u2026'];

/**
 * Finds sentence terminators with indexOf, which skips the text between
 * them far faster than a loop over characters. The next occurrence of each
 * terminator is remembered, so each indexOf scans a stretch of the text
 * once per page, even for a terminator that never occurs.
 */
class TerminatorFinder {
  private readonly next: number[];

  constructor(private readonly text: string) {
    this.next = TERMINATORS.map((t) => text.indexOf(t));
  }

  /** The first terminator at or after `pos`, or -1. */
  find(pos: number): number {
    let best = -1;
    for (let k = 0; k < TERMINATORS.length; k++) {
      let at = this.next[k]!;
      if (at !== -1 && at < pos) this.next[k] = at = this.text.indexOf(TERMINATORS[k]!, pos);
      if (at !== -1 && (best === -1 || at < best)) best = at;
    }
    return best;
  }
}

/** True when the character at `i` is an upper-case letter or a digit (one UTF-16 unit, as the regex saw it). */
function upperOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c === c && UPPER_OR_DIGIT.test(text[i]!); // c !== c: past the end
}

/** The word (letters and inner dots) that ends right before `pos`. */
function wordBefore(text: string, pos: number, blockStart: number): string {
  let i = pos;
  for (; i > blockStart; i--) {
    const c = text.charCodeAt(i - 1);
    const ok = c < 128 ? c === 46 || ((c | 32) >= 97 && (c | 32) <= 122) : LETTER_OR_DOT.test(text[i - 1]!);
    if (!ok) break;
  }
  let j = i;
  while (j < pos && text.charCodeAt(j) === 46) j++; // leading dots are not part of the word
  return text.slice(j, pos);
}

/** The word starting at `pos`, lowercased (letters only, within 20 characters). */
function wordAt(text: string, pos: number): string {
  let i = pos;
  const stop = Math.min(text.length, pos + 20);
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      // A non-ASCII letter may continue the word: the regex decides.
      const m = LETTERS.exec(text.slice(pos, pos + 20));
      return m ? m[0].toLowerCase() : '';
    }
    if ((c | 32) < 97 || (c | 32) > 122) break;
  }
  return text.slice(pos, i).toLowerCase();
}

/**
 * Decides whether a single "." after `word` is an abbreviation's dot rather
 * than a full stop, where the next sentence would start at `next`. The next
 * word is read only for an ambiguous abbreviation: most full stops follow
 * an ordinary word, and reading the word after each of them was wasted.
 */
function isAbbreviationDot(word: string, text: string, next: number): boolean {
  if (TITLES.has(word.toLowerCase())) return true;
  const ambiguous = ABBREVIATIONS.has(word) || isInitial(word) || (word.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(word));
  return ambiguous && !OPENERS.has(wordAt(text, OPENING.test(text[next]!) ? next + 1 : next));
}

/** A single capital letter, as in an initial ("John F. Kennedy"). */
function isInitial(word: string): boolean {
  if (word.length !== 1) return word.length === 2 && UPPER_WORD.test(word); // an astral capital is two units
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_WORD.test(word);
}

/** Adds the sentence [s, e) trimmed of white space to `out`, unless nothing is left. */
function pushTrimmed(text: string, s: number, e: number, out: SentenceSpan[]): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

/** Where the closers and reference marks after a sentence end at `after` stop (before `end`), or -1 when there are none. */
function closersEnd(text: string, after: number, end: number): number {
  let closed = false;
  while (after < end) {
    if (isCloser(text.charCodeAt(after))) {
      after++;
    } else {
      // Reference marks ("[12]", as on Wikipedia).
      const cite = text.charCodeAt(after) === 91 ? CITATION.exec(text.slice(after, after + 8)) : null;
      if (!cite) break;
      after += cite[0].length;
    }
    closed = true;
  }
  return closed ? after : -1;
}

/** Splits one block [start, end) into trimmed sentences. */
function splitBlock(text: string, start: number, end: number, finder: TerminatorFinder, out: SentenceSpan[]): void {
  let sentenceStart = start;
  for (let t = finder.find(start); t !== -1 && t < end; t = finder.find(t + 1)) {
    const runStart = t;
    while (t + 1 < end && isTerminator(text.charCodeAt(t + 1))) t++;
    let after = t + 1; // the next search starts right after the run
    // Closing quotes and brackets, and reference marks, belong to the sentence they end.
    const closedAt = closersEnd(text, after, end);
    const closed = closedAt >= 0;
    if (closed) after = closedAt;
    let next = after;
    while (next < end && isSpace(text.charCodeAt(next))) next++;
    if (next >= end) break; // the block's end closes the sentence below
    const spaced = next > after;
    const c = text[next]!;
    const opens = upperOrDigitAt(text, next) || (spaced && OPENING.test(c) && upperOrDigitAt(text, next + 1));
    if (!opens || (!spaced && !(closed && UPPER.test(c)))) continue;
    if (t === runStart && text.charCodeAt(t) === 46 && !closed) {
      if (isAbbreviationDot(wordBefore(text, runStart, sentenceStart), text, next)) continue;
    }
    pushTrimmed(text, sentenceStart, after, out);
    sentenceStart = next;
  }
  pushTrimmed(text, sentenceStart, end, out);
}

/**
 * The next blank line (the text model's block separator: a line break, white
 * space other than line breaks, another line break, then any white space)
 * at or after `from`, as [start, end), or null.
 */
function nextBlockBreak(text: string, from: number): [number, number] | null {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== 10 && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 10) continue;
    let k = j + 1;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    return [i, k];
  }
  return null;
}

/**
 * Splits text into sentences, never across a blank line, and returns their
 * offsets trimmed of surrounding white space, in order.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const finder = new TerminatorFinder(text);
  let blockStart = 0;
  for (let b = nextBlockBreak(text, 0); b; b = nextBlockBreak(text, b[1])) {
    splitBlock(text, blockStart, b[0], finder, out);
    blockStart = b[1];
  }
  splitBlock(text, blockStart, text.length, finder, out);
  return out;
}
