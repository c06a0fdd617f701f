/**
 * The envelope of the compiled claim index, shared by the compiler (build
 * time) and the loader (content script), so that both agree on what the
 * format tag, version and checksum mean.
 */
import { fnv1a32 } from './checksum';
import type { RuntimeIndexBody } from './runtime-types';

/** Format tag of a compiled index. */
export const INDEX_FORMAT = 'claimlens-index';

/**
 * Version of the RuntimeIndexBody layout. Bump it whenever runtime-types.ts
 * changes shape, so that a stale index fails to load instead of misbehaving.
 */
export const INDEX_VERSION = 1;

/**
 * Checksum of an index body: FNV-1a 32 over `JSON.stringify(body)`. A parsed
 * JSON body stringifies back to the same text, so the loader can recompute it.
 */
export function indexChecksum(body: RuntimeIndexBody): string {
  return fnv1a32(JSON.stringify(body));
}
