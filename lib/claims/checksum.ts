/**
 * FNV-1a, 32-bit: a tiny, dependency-free hash for spotting a corrupt or
 * hand-edited index. It is not a security measure (anyone who can edit the
 * index can recompute it), only a guard against truncation and bit rot.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// One encoder for all calls; hashing the UTF-8 bytes (not UTF-16 code units)
// keeps the value reproducible by any other FNV-1a implementation.
const encoder = new TextEncoder();

/** FNV-1a 32-bit hash of the UTF-8 bytes of `text`, as 8 lowercase hex digits. */
export function fnv1a32(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
