/**
 * The index the build would ship, compiled in Node from the same pack files
 * and with the same code as the build plugin (readPackFiles + compilePacks),
 * so the command line and the extension never disagree about the claims.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackFiles } from '../build/read-packs';
import { compilePacks, type CompileResult } from '../claims/compile';

/** The project root, found from this file so commands work from any folder. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Reads and compiles the bundled packs plus CLAIMLENS_PACKS and `files`
 * (absolute paths, or relative to the project root); throws on any pack error.
 */
export function compileBundledPacks(files: string[] = []): CompileResult {
  return compilePacks(readPackFiles({ root: PROJECT_ROOT, files }));
}
