/**
 * `npm run bench -- --gate-trial`: what the gate content script costs on a
 * page that is not an article, taken apart. The bench's budget line says
 * the whole script costs more than 1 ms there; this shows where that goes,
 * by loading the same pages with stripped-down builds in their place:
 *
 * - a one-line content script (any content script's floor);
 * - the shipped gate script, parsed but not run (its size alone);
 * - the gate alone, and the gate with its observer, bundled bare by esbuild
 *   from lib/ (no WXT context, no message listener, no extension API: what
 *   any rewiring of the script could at best get down to);
 * - the shipped gate script.
 *
 * The pages are those the bench picks as not articles (run.ts
 * browserPages) that the gate also turns away in Chromium, and a plain page.
 * Each load drops compiled code first (chromium-session.ts), as on the
 * first page of a site, so every figure includes compiling.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type Route } from '../browser-harness/server';
import { gateBundle, loadEach, medianTrace } from './chromium-bench';
import { launchBenchBrowser } from './chromium-session';
import { readPages } from './corpus';
import { buildExtension, bundleForPage, MINIMAL_CONTENT_SCRIPT, writeScriptExtension } from './extension-builds';
import { browserPages } from './run';
import type { TraceSummary } from './trace';

/** One stripped-down build of the trial. */
export interface TrialBuild {
  name: string;
  /** What it keeps of the gate script. */
  what: string;
  dir: string;
  scriptBytes: number;
}

/** One build's medians on one page. */
export interface TrialRow {
  build: TrialBuild;
  page: string;
  trace: TraceSummary;
}

/** The shipped build's one content script (the gate), relative to its folder. */
function gateScriptOf(shippedDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(shippedDir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const scripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  if (scripts.length !== 1) throw new Error(`gate trial: expected one content script in ${shippedDir}, found ${scripts.length}`);
  return scripts[0]!;
}

/** Writes the trial's builds under `workDir`, next to the shipped build in `shippedDir`. */
export async function buildTrial(workDir: string, shippedDir: string): Promise<TrialBuild[]> {
  const gateFile = gateScriptOf(shippedDir);
  const shippedCode = readFileSync(path.join(shippedDir, gateFile), 'utf8');
  const bare = (name: string, code: string, what: string): TrialBuild => ({
    name, what, dir: writeScriptExtension(path.join(workDir, `trial-${name}`), `Claimlens gate trial: ${name}`, code), scriptBytes: Buffer.byteLength(code),
  });
  const parsedDir = path.join(workDir, 'trial-parsed');
  cpSync(shippedDir, parsedDir, { recursive: true });
  // `if (false)` before the script's one expression: parsed, never run.
  const parsedCode = `if(false)${shippedCode}`;
  writeFileSync(path.join(parsedDir, gateFile), parsedCode);
  const gateOnly = await bundleForPage("import { articleSignal } from './lib/page/article-gate';\narticleSignal(document);\n", true);
  const gateWatch = await bundleForPage(
    "import { watchForArticle } from './lib/annotate/article-watch';\n" +
      'watchForArticle({ doc: document, signal: new AbortController().signal, load: async () => {} });\n',
    true,
  );
  return [
    bare('minimal', MINIMAL_CONTENT_SCRIPT, 'a one-line content script'),
    { name: 'parsed', what: 'the shipped gate script, parsed, not run', dir: parsedDir, scriptBytes: Buffer.byteLength(parsedCode) },
    bare('gate', gateOnly, 'the gate alone, bundled bare'),
    bare('gate+observer', gateWatch, 'the gate and its observer, bundled bare'),
    { name: 'shipped', what: 'the shipped gate script', dir: shippedDir, scriptBytes: Buffer.byteLength(shippedCode) },
  ];
}

/**
 * Loads `candidates` with each build, in one browser per build: first, with
 * the first build, each candidate once to keep those the gate turns away
 * in Chromium itself (jsdom, without layout, judges a few pages
 * differently); then every kept page `runs` times (loadEach). Returns the
 * medians and Chromium's version.
 */
export async function runTrial<P extends { name: string; route: Route }>(
  builds: readonly TrialBuild[], candidates: readonly P[], runs: number, log: (line: string) => void = () => undefined,
): Promise<{ rows: TrialRow[]; version: string }> {
  const server = await startServer(Object.fromEntries(candidates.map((p) => [`/${p.name}.html`, p.route])));
  const url = (p: { name: string }) => server.url(`/${p.name}.html`);
  const gateCode = await gateBundle();
  const rows: TrialRow[] = [];
  let pages: P[] | null = null;
  let version = '';
  try {
    for (const build of builds) {
      const browser = await launchBenchBrowser(build.dir, server.origin);
      try {
        if (pages === null) {
          version = await browser.version();
          pages = [];
          for (const p of candidates) {
            await browser.load(url(p), { gc: false });
            if ((await browser.evalFreshWorld<string | null>([gateCode, 'globalThis.__claimlensGate(document)'])) === null) pages.push(p);
          }
          if (pages.length === 0) throw new Error('gate trial: the gate turned none of the pages away in Chromium');
          log(`  pages the gate turns away in Chromium: ${pages.map((p) => p.name).join(', ')}`);
        }
        log(`  gate trial: ${build.name}, ${pages.length} pages × ${runs} runs`);
        const loads = await loadEach(browser, pages, url, runs);
        for (const p of pages) rows.push({ build, page: p.name, trace: medianTrace(loads.get(p.name)!.map((l) => l.trace)) });
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return { rows, version };
}

/**
 * The whole trial: builds the shipped extension and the stripped-down ones
 * in a temporary folder, loads the pages the gate turns away (as the bench
 * chooses them) and a plain page, and returns the report.
 */
export async function gateTrial(sharedDir: string, runs: number, log: (line: string) => void): Promise<string> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'claimlens-gate-trial-'));
  try {
    log('reading pages (jsdom)…');
    const candidates = browserPages(readPages(sharedDir)).filter((p) => p.kind === 'non-article' || p.kind === 'plain');
    const shipped = buildExtension(path.join(workDir, 'shipped'));
    log(`built the shipped extension in ${shipped.ms.toFixed(0)} ms`);
    const { rows, version } = await runTrial(await buildTrial(workDir, shipped.dir), candidates, runs, log);
    return formatTrial(rows, version);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The trial as a Markdown table, one row per build and page. */
export function formatTrial(rows: readonly TrialRow[], version: string): string {
  const lines = [
    `### The gate script's fixed cost, taken apart (${version})`,
    '',
    '| build | what it keeps | script bytes | page | extension ms (wall / CPU) | of which compile ms |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) =>
      `| ${r.build.name} | ${r.build.what} | ${r.build.scriptBytes.toLocaleString('en-US')} | ${r.page} | ${r.trace.extWallMs.toFixed(2)} / ${r.trace.extCpuMs.toFixed(2)} | ${r.trace.extCompileMs.toFixed(2)} |`),
    '',
    'Medians over loads; every load compiles the script afresh (the first page of a site). Extension ms as in the main report.',
    '',
  ];
  return lines.join('\n');
}
