/**
 * Vite plugin that compiles the claim packs at build time and serves the
 * result as the virtual module `virtual:claimlens/index` (typed in
 * virtual-modules.d.ts).
 *
 * A pack with an error fails the build with every problem listed (file,
 * claim id, JSON path, field), so a broken pack can never ship. Warnings are
 * printed but do not stop the build. A research-only pack (research-licence.ts)
 * fails it too, unless the build says it stays on this machine. Each pack
 * file is watched, so editing a pack during `wxt dev` rebuilds the index.
 */
import type { Plugin } from 'vite';
import { compilePacks, PackValidationError, type CompileOptions } from '../claims/compile';
import { formatIssue } from '../claims/issues';
import { ALLOW_RESEARCH_ENV, isResearchOnly, RESEARCH_LICENSE } from '../claims/research-licence';
import { listPackFiles, PackReadError, readPackFiles, type PackSources } from './read-packs';

/** Import specifier of the compiled index. */
export const VIRTUAL_INDEX_ID = 'virtual:claimlens/index';

// Rollup convention: a leading \0 marks an id as virtual, so that other
// plugins (and the file system) leave it alone.
const RESOLVED_INDEX_ID = `\0${VIRTUAL_INDEX_ID}`;

/** Where the packs are (see read-packs.ts) and compile options. */
export type ClaimPacksPluginOptions = PackSources & CompileOptions;

/**
 * Compiles the claim packs into the module `virtual:claimlens/index`, whose
 * default export is the RuntimeIndex. The build fails on any pack error.
 */
export function claimPacksPlugin(options: ClaimPacksPluginOptions = {}): Plugin {
  let root = options.root;
  return {
    name: 'claimlens:claim-packs',
    configResolved(config) {
      // WXT sets Vite's root to the project root, where assets/claims lives.
      root ??= config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_INDEX_ID ? RESOLVED_INDEX_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_INDEX_ID) return undefined;
      const sources: PackSources = { ...options, root };
      // Watch before reading, so that fixing a broken file triggers a rebuild.
      for (const file of listPackFiles(sources)) this.addWatchFile(file);
      try {
        const files = readPackFiles(sources);
        const research = files.filter((f) => isResearchOnly(f.pack));
        if (research.length > 0 && (sources.env ?? process.env)[ALLOW_RESEARCH_ENV] !== '1') {
          this.error(
            research
              .map((f) => `${f.file}: research-only data ("${RESEARCH_LICENSE}"): it must never ship in the extension. ` +
                `A local build that is never shared (as the bench makes) may set ${ALLOW_RESEARCH_ENV}=1.`)
              .join('\n'),
          );
        }
        const { index, warnings } = compilePacks(files, { now: options.now });
        for (const warning of warnings) this.warn(formatIssue(warning));
        if (index.body.packs.length === 0) this.warn('no claim packs found: the extension will highlight nothing');
        // The index as JSON text, not an object: loadIndex parses it (a string
        // literal parses faster than an object literal compiles) and checks
        // the checksum on the text itself instead of re-serialising the body.
        return `export default ${JSON.stringify(JSON.stringify(index))};\n`;
      } catch (err) {
        if (err instanceof PackValidationError || err instanceof PackReadError) this.error(err.message);
        throw err;
      }
    },
  };
}
