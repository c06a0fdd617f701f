/**
 * Where a JSON text is broken, as a line and a column: Node's JSON.parse
 * reports a character offset at best, and a maintainer fixing a pack or an
 * import file in an editor needs the line. Shared by the build's pack reader
 * (lib/build/read-packs.ts) and the importers (records.ts).
 */

/**
 * Offset of the character where `JSON.parse(source)` failed. V8 names it in
 * most messages ("... in JSON at position 82") but not all ("Unexpected
 * token ']', ... is not valid JSON"), so otherwise binary-search for the
 * longest prefix that is still the start of valid JSON.
 */
function syntaxErrorOffset(source: string, reason: string): number {
  const match = /position (\d+)/.exec(reason);
  if (match) return Number(match[1]);
  if (/unexpected end/i.test(reason)) return source.length; // Truncated: point at the end.
  let lo = 0; // source.slice(0, lo) is a valid start of JSON (the empty string is)
  let hi = source.length; // source.slice(0, hi) is not
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (isJsonStart(source.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

/** Whether `prefix` parses, or fails only because it ends too early. */
function isJsonStart(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    const reason = (err as Error).message;
    const position = /position (\d+)/.exec(reason);
    return /unexpected end/i.test(reason) || (position !== null && Number(position[1]) >= prefix.length);
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The line and column where `JSON.parse(source)` failed with `reason` (its error message). */
export function jsonErrorPlace(source: string, reason: string): { line: number; column: number } {
  return lineColumn(source, syntaxErrorOffset(source, reason));
}
