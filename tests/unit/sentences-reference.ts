// splitSentences as it was before the character-code rewrite (lib/match/sentences.ts),
// kept (but for the shared abbreviation lists) as the reference for match-tokenize-diff.test.ts. Not used by the extension.
import { ABBREVIATIONS, OPENERS, TITLES } from '../../lib/match/sentences';

interface SentenceSpan {
  start: number;
  end: number;
}

// The abbreviation lists are shared; what is compared is how the text is scanned.
const TERMINATOR = /[.!?\u2026]+/g;
const CLOSERS = /["'\u201d\u2019\u00bb)\]]/;
/** A numbered reference mark right after a sentence's end. */
const CITATION = /^\[\d{1,4}\]/;
const OPENING = /["'\u201c\u2018\u00ab(\[]/;
const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const SPACE = /\s/;
/** A blank line: the text model's block separator (white space in between is tolerated). */
const BLOCK_BREAK = /\n[^\S\n]*\n\s*/g;

/** The word (letters and inner dots) that ends right before `pos`. */
function wordBefore(text: string, pos: number, blockStart: number): string {
  let i = pos;
  while (i > blockStart && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, pos).replace(/^\.+/, '');
}

/** The word starting at `pos`, lowercased. */
function wordAt(text: string, pos: number): string {
  const m = /^[\p{L}]+/u.exec(text.slice(pos, pos + 20));
  return m ? m[0].toLowerCase() : '';
}

/** Decides whether a single "." after `word` is an abbreviation's dot rather than a full stop. */
function isAbbreviationDot(word: string, nextWord: string): boolean {
  if (TITLES.has(word.toLowerCase())) return true;
  const ambiguous = ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
  return ambiguous && !OPENERS.has(nextWord);
}

/** Splits one block [start, end) into trimmed sentences. */
function splitBlock(text: string, start: number, end: number, out: SentenceSpan[]): void {
  let sentenceStart = start;
  const push = (s: number, e: number) => {
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  TERMINATOR.lastIndex = start;
  for (let m = TERMINATOR.exec(text); m && m.index < end; m = TERMINATOR.exec(text)) {
    let after = m.index + m[0].length;
    let closed = false;
    // Closing quotes and brackets, and reference marks ("[12]", as on Wikipedia), belong to the sentence they end.
    while (after < end) {
      if (CLOSERS.test(text[after]!)) {
        after++;
      } else {
        const cite = CITATION.exec(text.slice(after, after + 8));
        if (!cite) break;
        after += cite[0].length;
      }
      closed = true;
    }
    let next = after;
    while (next < end && SPACE.test(text[next]!)) next++;
    if (next >= end) break; // the block's end closes the sentence below
    const spaced = next > after;
    const c = text[next]!;
    const opens = UPPER_OR_DIGIT.test(c) || (spaced && OPENING.test(c) && UPPER_OR_DIGIT.test(text[next + 1] ?? ''));
    if (!opens || (!spaced && !(closed && /\p{Lu}/u.test(c)))) continue;
    if (m[0] === '.' && !closed) {
      const word = wordBefore(text, m.index, sentenceStart);
      const nextWord = wordAt(text, OPENING.test(c) ? next + 1 : next);
      if (isAbbreviationDot(word, nextWord)) continue;
    }
    push(sentenceStart, after);
    sentenceStart = next;
  }
  push(sentenceStart, end);
}

/**
 * Splits text into sentences, never across a blank line, and returns their
 * offsets trimmed of surrounding white space, in order.
 */
export function referenceSplitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let blockStart = 0;
  BLOCK_BREAK.lastIndex = 0;
  for (let m = BLOCK_BREAK.exec(text); m; m = BLOCK_BREAK.exec(text)) {
    splitBlock(text, blockStart, m.index, out);
    blockStart = m.index + m[0].length;
  }
  splitBlock(text, blockStart, text.length, out);
  return out;
}
