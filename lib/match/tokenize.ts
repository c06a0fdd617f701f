/**
 * Tokenisation of the original text, with exact offsets.
 *
 * Tokens are found in the text as given and folded one by one, so offsets
 * never drift however many characters folding adds or removes. Hyphenated
 * words split into their parts ("then-candidate" → then, candidate) because
 * claims rarely use the same compound; dotted acronyms ("U.S.", "D.C.") stay
 * whole so that they are not read as a sentence end or as the pronoun "us".
 *
 * Web and social text adds three things that are not words as written:
 * links ("https://example.com/a1B", "pic.twitter.com/a1B") give no tokens at all,
 * since their random ids would only meet other random ids; hashtags and
 * handles ("#FloodWarning", "@MayorJaneDoe") are split where the case
 * or the kind of character changes, because they name things claims spell
 * as words; and grouped or decimal numbers are one token ("1,250" → "1250",
 * "2.5"), so that "$1,250" and "1250 dollars" agree.
 */
import { foldText } from './normalize';
import { MAX_ACRONYM_LETTERS, MAX_HOST_LENGTH, asciiWordEnd, isAlnum, mayBeLink, plainWordEnd, scanned, skipSeparators } from './scan';

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
 * In order of preference: a hashtag or handle (split), a grouped number, a
 * dotted acronym ("U.S.", "a.m."), or a run of letters, digits, combining
 * marks and invisible joiners with internal apostrophes ("Russia's",
 * "don't"). Links are found from the word they start with (see LINK).
 */
const WORD = new RegExp(
  [
    // A link glued to a hashtag ("#Floodhttps://…", "#Storm2pic.twitter.com/…") ends the tag.
    String.raw`(?:[#@](?<![\p{L}\p{N}_][#@])(?:(?!https?:\/\/|pic\.twitter\.com\/)[\p{L}\p{N}_])+)`,
    String.raw`(?:(?:\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?|\p{N}+\.\p{N}+)(?![\p{L}\p{N}]))`,
    String.raw`(?:\p{L}\.){2,${MAX_ACRONYM_LETTERS}}(?!\p{L})`,
    String.raw`[\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060]+(?:['\u2019][\p{L}\p{M}]+)*`,
  ].join('|'),
  'gu',
);

/**
 * A link starting at a word: a scheme or "www.", or a dotted host name
 * followed by a path. Tried (sticky) only where a word is followed by ":",
 * "." or "-", so ordinary prose pays nothing for it. The host (at most
 * 253 characters, as in DNS, like the scanner's look-ahead: scan.ts
 * MAX_HOST_LENGTH), its labels (at most 63), their number and the top-level
 * domain are bounded, so that a failed try reads a bounded stretch of text:
 * unbounded, a long dotted run without a "/" was read to its end from each
 * of its words, which made tokenising quadratic.
 */
const LINK = new RegExp(String.raw`(?:https?:\/\/|www\.)\S+|(?=[\p{L}\p{N}.-]{1,${MAX_HOST_LENGTH}}\/)(?:[\p{L}\p{N}-]{1,63}\.){1,16}[a-z]{2,24}\/\S*`, 'uy');

/**
 * The parts of a hashtag or handle body: runs of capitalised words, lower
 * case, upper case (acronyms) or digits. "theMayorJaneDoe" → the, Mayor,
 * Jane, Doe; "COVID19" → COVID, 19; "NWS_Boston" → NWS, Boston. A handle's digits
 * are dropped (see tokenize).
 */
const TAG_PART = /\p{Lu}\p{Ll}+|\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;

const UPPER = /^\p{Lu}/u;
const DIGIT = /\p{N}/u;

/**
 * Folds one word: see foldText. Exported so that aliases and claim wordings
 * are folded exactly like page text.
 */
export function foldWord(raw: string): { norm: string; possessive: boolean } {
  const folded = foldText(raw);
  if (folded.length > 2 && folded.endsWith("'s")) return { norm: folded.slice(0, -2), possessive: true };
  return { norm: folded, possessive: false };
}

/** Folds an ASCII word (letters, digits, dots, straight or curly apostrophes) exactly as foldWord would. */
function foldAscii(raw: string): { norm: string; possessive: boolean } {
  const folded = raw.replace(/\u2019/g, "'").toLowerCase();
  if (folded.length > 2 && folded.endsWith("'s")) return { norm: folded.slice(0, -2), possessive: true };
  return { norm: folded, possessive: false };
}

/**
 * Splits `text[from, to)` into word tokens with offsets into `text`.
 * Punctuation and white space produce no tokens.
 *
 * Pages are mostly ASCII prose, so a character-code scanner reads plain
 * words itself and hands everything else (non-ASCII words, numbers with
 * separators, hashtags and handles, words clipped at `to`) to the WORD
 * regex from the same position, with the same handling as always; the
 * tokens are the same either way, only cheaper to find
 * (tests/unit/match-tokenize-diff.test.ts compares both on real pages).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let p = from;
  for (;;) {
    p = skipSeparators(text, p, to);
    if (p >= to) break;
    const c = text.charCodeAt(p);
    if (c < 128) {
      if (isAlnum(c)) {
        const end = plainWordEnd(text, p);
        if (end >= 0 && end <= to) {
          // Most words: letters and digits ended by white space or plain punctuation.
          const raw = text.slice(p, end);
          tokens.push({ start: p, end, norm: scanned.upper ? raw.toLowerCase() : raw, cap: c <= 90 && c >= 65, possessive: false });
          p = end;
          continue;
        }
        const q = asciiWordEnd(text, p);
        if (q >= 0 && q <= to) {
          const after = text.charCodeAt(q);
          if ((after === 58 || after === 46 || after === 45) && mayBeLink(text, p)) {
            LINK.lastIndex = p;
            if (LINK.test(text)) {
              p = LINK.lastIndex;
              continue;
            }
          }
          const cap = c <= 90 && c >= 65;
          if (scanned.apostrophe) {
            const { norm, possessive } = foldAscii(text.slice(p, q));
            tokens.push({ start: p, end: q, norm, cap, possessive });
          } else {
            tokens.push({ start: p, end: q, norm: text.slice(p, q).toLowerCase(), cap, possessive: false });
          }
          p = q;
          continue;
        }
      }
    }
    p = readWithRegex(text, p, to, tokens);
    if (p < 0) break;
  }
  return tokens;
}

/**
 * Reads the next word at or after `p` with the WORD regex, appends its
 * token(s) to `tokens` (none for a link) and returns where reading goes on,
 * or -1 when no word starts before `to`. This is the tokenizer for every
 * case the ASCII scanner leaves alone.
 */
function readWithRegex(text: string, p: number, to: number, tokens: Token[]): number {
  const push = (start: number, raw: string, norm?: string) => {
    const end = Math.min(start + raw.length, to);
    const folded = foldWord(text.slice(start, end));
    const word = norm ?? folded.norm;
    if (word.length > 0) tokens.push({ start, end, norm: word, cap: UPPER.test(raw), possessive: folded.possessive });
  };
  WORD.lastIndex = p;
  const m = WORD.exec(text);
  if (!m || m.index >= to) return -1;
  const next = m.index + m[0].length;
  const first = m[0][0]!;
  const tag = first === '#' || first === '@';
  const after = text[next];
  if (!tag && (after === ':' || after === '.' || after === '-')) {
    LINK.lastIndex = m.index;
    if (LINK.test(text)) return LINK.lastIndex;
  }
  if (tag) {
    const body = m.index + 1;
    // Digits in a handle are there to make it unique ("@riverfan1987"), not a year or a count.
    const handle = m[0].startsWith('@');
    for (const part of m[0].slice(1).matchAll(TAG_PART)) {
      if (!(handle && /^\p{N}/u.test(part[0]))) push(body + part.index, part[0]);
    }
  } else if (DIGIT.test(first) && (m[0].includes(',') || m[0].includes('.'))) {
    // A grouped or decimal number: no other alternative holds a "," or starts with a digit and holds a ".".
    push(m.index, m[0], m[0].replace(/,/g, ''));
  } else {
    push(m.index, m[0]);
  }
  return next;
}

/**
 * tokenize without the ASCII scanner: the WORD regex alone, as the
 * tokenizer was before the scanner. It is the reference that
 * tests/unit/match-tokenize-diff.test.ts holds tokenize to; the extension
 * does not use it.
 */
export function tokenizeWithRegexOnly(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  for (let p = from; p >= 0; ) p = readWithRegex(text, p, to, tokens);
  return tokens;
}
