/**
 * Size limits on claim packs, shared by the build (lib/build/read-packs.ts)
 * and any in-browser import, so that both refuse the same files with the
 * same words. A pack is checked by its size before it is read or parsed:
 * parsing hundreds of megabytes of JSON would stall a build or freeze the
 * extension long before validation could say anything useful.
 */

/** Largest pack file accepted: 50 MB (MiB, 52,428,800 bytes). */
export const MAX_PACK_BYTES = 50 * 1024 * 1024;

/**
 * Most characters of actors and entities that one pack's references may copy
 * into the compiled index (resolve-names.ts): 64 Mi. Real packs copy a few
 * megabytes at most; the index as a whole must stay well below the longest
 * string JavaScript can hold (about 512 Mi characters) to be serialised.
 */
export const MAX_REPEATED_CHARS = 64 * 1024 * 1024;

/** Bytes (or characters) as megabytes with one decimal, as messages show them. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The message for a pack of `bytes` bytes that is over {@link MAX_PACK_BYTES},
 * or null when the size is acceptable. `file` names the pack in the message.
 */
export function packSizeProblem(file: string, bytes: number): string | null {
  if (bytes <= MAX_PACK_BYTES) return null;
  return `${file}: the file is ${megabytes(bytes)} (${bytes} bytes), over the ${megabytes(MAX_PACK_BYTES)} limit for a claim pack — split it into smaller packs; it was not read`;
}
