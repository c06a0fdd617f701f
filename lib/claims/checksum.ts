/**
 * FNV-1a, 32-bit: a tiny, dependency-free hash for spotting a corrupt or
 * hand-edited index. It is not a security measure (anyone who can edit the
 * index can recompute it), only a guard against truncation and bit rot.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** What TextEncoder writes for a lone surrogate: U+FFFD. */
const REPLACEMENT = 0xfffd;

/**
 * FNV-1a 32-bit hash of the UTF-8 bytes of `text`, as 8 lowercase hex digits.
 *
 * Hashing UTF-8 bytes (not UTF-16 code units) keeps the value reproducible
 * by any other FNV-1a implementation. The bytes are produced inline rather
 * than with TextEncoder: an index body is tens of megabytes, and encoding it
 * into one buffer first doubled the memory and the time of every load.
 * Lone surrogates hash as U+FFFD, exactly as TextEncoder encodes them.
 */
export function fnv1a32(text: string): string {
  let hash = FNV_OFFSET;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      hash = Math.imul(hash ^ cp, FNV_PRIME);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = REPLACEMENT;
      }
    }
    if (cp < 0x800) {
      hash = Math.imul(hash ^ (0xc0 | (cp >> 6)), FNV_PRIME);
    } else if (cp < 0x10000) {
      hash = Math.imul(hash ^ (0xe0 | (cp >> 12)), FNV_PRIME);
      hash = Math.imul(hash ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME);
    } else {
      hash = Math.imul(hash ^ (0xf0 | (cp >> 18)), FNV_PRIME);
      hash = Math.imul(hash ^ (0x80 | ((cp >> 12) & 0x3f)), FNV_PRIME);
      hash = Math.imul(hash ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME);
    }
    hash = Math.imul(hash ^ (0x80 | (cp & 0x3f)), FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
