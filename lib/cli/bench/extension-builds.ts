/**
 * The extension builds the Chromium bench loads, each in its own folder so
 * that `.output/chrome-mv3` (used by the E2E tests and the demo) is never
 * touched: the shipped build, the same build with the 19k PolitiFact pack
 * added through CLAIMLENS_PACKS, a do-nothing extension as the control, so
 * that "with" and "without" differ only in Claimlens's own work, and a
 * minimal content script as the floor of any content script.
 */
import { spawnSync } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALLOW_RESEARCH_ENV } from '../../claims/research-licence';
import { PROJECT_ROOT } from '../bundled-index';
import { timed } from './stats';

/**
 * wxt's build, run in a child process: its progress output stays out of the
 * bench's report, and CLAIMLENS_PACKS is set for that build alone.
 */
const BUILD_SCRIPT = `
import { build } from 'wxt';
await build({ root: process.cwd(), outDir: process.env.BENCH_OUT_DIR, browser: 'chrome', mode: 'production' });
`;

/** Builds the Chrome MV3 extension into `outDir`/chrome-mv3 with `extraPacks` added; returns that folder. */
export function buildExtension(outDir: string, extraPacks: readonly string[] = []): { dir: string; ms: number } {
  const { value: child, ms } = timed(() =>
    spawnSync(process.execPath, ['--input-type=module', '-e', BUILD_SCRIPT], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      // The bench's builds stay in a temporary folder on this machine, so they may bundle research-only packs.
      env: { ...process.env, BENCH_OUT_DIR: outDir, CLAIMLENS_PACKS: extraPacks.join(','), [ALLOW_RESEARCH_ENV]: '1', CI: '1' },
      maxBuffer: 16 << 20,
    }),
  );
  if (child.status !== 0) throw new Error(`wxt build failed (${child.status}):\n${child.stderr || child.stdout}`);
  return { dir: path.join(outDir, 'chrome-mv3'), ms };
}

/**
 * Writes an extension named `name` into `dir` and returns `dir`: a manifest
 * and, when `code` is given, that code as its one content script
 * (content.js, at document_idle on every http(s) page).
 */
export function writeScriptExtension(dir: string, name: string, code?: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name,
    version: '0.0.1',
    ...(code === undefined ? {} : { content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }] }),
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  if (code !== undefined) writeFileSync(path.join(dir, 'content.js'), code);
  return dir;
}

/** The smallest useful content script: one selector lookup. */
export const MINIMAL_CONTENT_SCRIPT = 'document.querySelector(\'meta[property="og:type"]\');\n';

/**
 * Writes the control extension into `dir` and returns `dir`: a manifest and
 * nothing else, or, with `contentScript`, the smallest useful content script
 * (one selector lookup at document_idle on every page), which shows what
 * any content script costs before it does any work.
 */
export function writeControlExtension(dir: string, contentScript = false): string {
  return contentScript
    ? writeScriptExtension(dir, 'Claimlens bench: minimal content script', MINIMAL_CONTENT_SCRIPT)
    : writeScriptExtension(dir, 'Claimlens bench control (does nothing)');
}

/**
 * `contents` (TypeScript importing from the project) bundled by esbuild
 * into one script for a page, as an IIFE; minified like the extension's
 * own build when `minify` is set.
 */
export async function bundleForPage(contents: string, minify = false): Promise<string> {
  const out = await esbuild({
    stdin: { contents, resolveDir: PROJECT_ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify,
  });
  return out.outputFiles[0]!.text;
}
