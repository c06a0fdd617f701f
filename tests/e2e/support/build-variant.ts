/**
 * Builds a variant of the extension with extra claim packs (CLAIMLENS_PACKS)
 * into its own folder: `npx wxt build --mode <mode>` writes
 * `.output/chrome-mv3-<mode>` (or `firefox-mv3-<mode>`) and leaves the
 * default builds, which the other suites load, alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserName } from '../../../lib/cli/browser-harness/browsers';
import { projectRoot } from './paths';

/** Output folder of a variant build. */
export function variantDir(browser: BrowserName, mode: string): string {
  return path.join(projectRoot, '.output', `${browser === 'firefox' ? 'firefox' : 'chrome'}-mv3-${mode}`);
}

/** Builds the variant and returns its folder; throws with the build log on failure. */
export function buildVariant(browser: BrowserName, mode: string, packFiles: readonly string[]): string {
  // Vitest's own variables (NODE_ENV=test, VITEST*) must not leak into the build.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
  const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : []), '--mode', mode];
  const run = spawnSync('npx', args, {
    cwd: projectRoot,
    env: { ...env, CLAIMLENS_PACKS: packFiles.join(','), NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const dir = variantDir(browser, mode);
  if (run.status !== 0 || !existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`npx ${args.join(' ')} failed (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return dir;
}
