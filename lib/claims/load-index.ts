/**
 * Loads the compiled claim index in the content script (or anywhere else)
 * and refuses anything it cannot trust: a corrupt or truncated file, another
 * format, another layout version, or contents that do not match the checksum.
 * Failing loudly here beats highlighting wrong claims on someone's page.
 */
import { fnv1a32 } from './checksum';
import { INDEX_FORMAT, INDEX_VERSION, indexChecksum } from './index-format';
import type { RuntimeIndex, RuntimeIndexBody } from './runtime-types';

/** Thrown by {@link loadIndex}; the message says what is wrong and what to do. */
export class IndexLoadError extends Error {
  constructor(message: string) {
    super(`Cannot load the claim index: ${message}`);
    this.name = 'IndexLoadError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new IndexLoadError(`it is not valid JSON (corrupt or truncated, ${raw.length} characters): ${reason}`);
  }
}

/**
 * The body's own JSON text inside an index's text, when the index was
 * written compactly with "body" as its last member (as compile.ts and the
 * build write it), else null. Hashing this slice gives the checksum without
 * re-serialising a body of tens of megabytes.
 */
function bodyText(raw: string): string | null {
  const key = raw.indexOf('"body":');
  let end = raw.length;
  while (end > 0 && /\s/.test(raw[end - 1]!)) end--;
  return key >= 0 && raw[end - 1] === '}' ? raw.slice(key + '"body":'.length, end - 1) : null;
}

/**
 * Checks and returns a compiled index, given as JSON text (the bundled
 * `virtual:claimlens/index` module is the text) or as the parsed value.
 * Throws {@link IndexLoadError} when it cannot be trusted.
 */
export function loadIndex(raw: unknown): RuntimeIndex {
  const value = typeof raw === 'string' ? parse(raw) : raw;
  if (!isRecord(value)) throw new IndexLoadError(`expected a JSON object, got ${value === null ? 'null' : typeof value}`);
  if (value.format !== INDEX_FORMAT) {
    throw new IndexLoadError(`format is ${JSON.stringify(value.format)}, expected "${INDEX_FORMAT}" — this is not a Claimlens index`);
  }
  if (value.version !== INDEX_VERSION) {
    throw new IndexLoadError(
      `version ${JSON.stringify(value.version)} is not supported (this build reads version ${INDEX_VERSION}) — rebuild the index with this version of Claimlens`,
    );
  }
  const body = value.body;
  if (!isRecord(body) || !Array.isArray(body.packs) || !Array.isArray(body.claims)) {
    throw new IndexLoadError('"body" must be an object with "packs" and "claims" arrays — the index is corrupt');
  }
  // The text's body slice matches only if it is exactly the hashed text; any
  // other layout (pretty-printed, members reordered) takes the slow path.
  const slice = typeof raw === 'string' ? bodyText(raw) : null;
  if (slice !== null && fnv1a32(slice) === value.checksum) return value as unknown as RuntimeIndex;
  const actual = indexChecksum(body as unknown as RuntimeIndexBody);
  if (value.checksum !== actual) {
    throw new IndexLoadError(
      `checksum mismatch: the index says ${JSON.stringify(value.checksum)} but its body hashes to "${actual}" — the index is corrupt or was edited by hand; rebuild it`,
    );
  }
  return value as unknown as RuntimeIndex;
}
