/**
 * How deeply a JSON text nests, found by a linear scan of the text itself.
 *
 * The importers walk parsed input recursively (arrays in arrays, `@graph`
 * in `@graph`), and so does `JSON.stringify` when a pack is written: input
 * nested some ten thousand levels deep overflows the stack there, an
 * uncaught RangeError instead of an error that names the file. No claim
 * data nests more than a few dozen levels, so input deeper than
 * {@link MAX_JSON_DEPTH} is refused before it is parsed.
 */
import { lineColumn } from './json-position';

/** Deepest nesting of arrays and objects accepted in an input file. */
export const MAX_JSON_DEPTH = 256;

/**
 * The offset of the first `[` or `{` that opens level `limit + 1` of `text`,
 * or -1 when the text nests no deeper than `limit`. Brackets inside strings
 * do not count; the text need not be valid JSON (JSONL is scanned as one).
 */
function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

/** The message for input that nests too deeply, naming where, or null when it does not. */
export function jsonDepthProblem(text: string, limit = MAX_JSON_DEPTH): string | null {
  const at = tooDeepAt(text, limit);
  if (at < 0) return null;
  const { line, column } = lineColumn(text, at);
  return `the input nests arrays and objects more than ${limit} levels deep (line ${line}, column ${column}); no claim data nests that deep, so it was not read`;
}
