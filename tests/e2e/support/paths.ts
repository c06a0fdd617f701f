/**
 * Where the E2E tests find the built extension and the shared fixtures.
 * The shared material sits beside the project root (`../shared`), read in place.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = path.resolve(projectRoot, '../shared');
export const seedDir = path.join(sharedDir, 'fixtures/seed-article');
export const seedPagePath = path.join(seedDir, 'index.html');
export const seedExpectedPath = path.join(seedDir, 'expected.json');
/** The build's output folder; E2E artefacts go under it, never into git. */
export const builtOutputDir = path.join(projectRoot, '.output');
export const screenshotPath = path.join(projectRoot, 'docs/screenshots/seed-card.png');

import type { BrowserName } from '../../../lib/cli/browser-harness/browsers';
export type { BrowserName };

const OUTPUT_DIRS: Record<BrowserName, string> = {
  chromium: '.output/chrome-mv3',
  firefox: '.output/firefox-mv3',
};

/** True when the shared seed fixture can be read; the suites skip otherwise. */
export function sharedFixturesAvailable(): boolean {
  return existsSync(seedPagePath) && existsSync(seedExpectedPath);
}

/** Absolute path of the built extension, or a thrown error telling how to build it. */
export function builtExtensionDir(browser: BrowserName): string {
  const dir = path.join(projectRoot, OUTPUT_DIRS[browser]);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const build = browser === 'firefox' ? 'npx wxt build -b firefox' : 'npx wxt build';
    throw new Error(
      `The ${browser} extension is not built: ${path.relative(projectRoot, dir)}/manifest.json is missing. ` +
        `Run \`npm run build\` first (or \`${build}\`).`,
    );
  }
  return dir;
}
