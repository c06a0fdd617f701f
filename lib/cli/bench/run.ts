/**
 * The whole bench in one call, so that `npm run bench` (main.ts) and the
 * smoke test run the same code: pages and pools, matching side by side,
 * retrieval quality, the index's costs, then Chromium. Each part can be
 * turned off or shrunk; the smoke test runs a tiny version of each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchChromium, type BrowserPage, type ChromiumResult } from './chromium-bench';
import { buildPool, bundledClaims, readDevtest, readPages, readRealPools, type BenchPage } from './corpus';
import { buildExtension, writeControlExtension } from './extension-builds';
import { bundledIndexSpec, importResearchPacks, indexSpecs, measureIndexCost, type IndexCost } from './index-bench';
import { machineInfo, type MachineInfo } from './machine';
import { benchPool, benchQuality, type PoolTiming, type Quality } from './matching-bench';
import { MATCHER_KINDS } from './peers';
import { nowMs } from './stats';

/** What to run. */
export interface BenchOptions {
  sharedDir: string;
  /** Keep only news pages whose name passes (the seed is always read). */
  pageFilter?: (name: string) => boolean;
  /** Pool sizes for the matching comparison. */
  scales: number[];
  matchingRuns: number;
  secondsPerMatcher: number;
  /** Score MAP@5 on 2A devtest (at most this many queries; Infinity for all), or skip it with 0. */
  qualityQueries: number;
  /** Size of the large index (the 19k real pack is always measured when this is above 0); 0 measures the bundled packs only. */
  indexLargeSize: number;
  /** Run the Chromium part. */
  chromium: boolean;
  chromiumRuns: number;
  log: (line: string) => void;
}

/** Everything measured. */
export interface BenchResult {
  machine: MachineInfo;
  pages: BenchPage[];
  matching: PoolTiming[];
  quality: Quality[];
  queries: number;
  index: IndexCost[];
  chromium: ChromiumResult | null;
  /** Why the Chromium part did not run, when it did not. */
  chromiumError: string | null;
  elapsedMs: number;
}

/** The five largest news pages, the seed, the non-article pages (largest first, up to four) and a plain page. */
export function browserPages(pages: readonly BenchPage[]): BrowserPage[] {
  const bySize = [...pages].sort((a, b) => b.htmlBytes - a.htmlBytes);
  const asBrowserPage = (p: BenchPage, kind: BrowserPage['kind']): BrowserPage => ({ name: p.name, kind, route: { file: p.htmlFile }, text: p.text });
  const seed = pages.find((p) => p.category === 'seed');
  const news = bySize.filter((p) => p.category === 'news').slice(0, 5);
  const others = bySize.filter((p) => p.signal === null && p.category !== 'news' && p.category !== 'seed').slice(0, 4);
  const plain = '<!doctype html><html><head><title>Opening hours</title></head><body><nav><a href="/">Home</a></nav><h1>Opening hours</h1><p>Monday to Friday, 9 to 5.</p></body></html>';
  return [
    ...(seed ? [asBrowserPage(seed, 'seed')] : []),
    ...news.map((p) => asBrowserPage(p, 'news')),
    ...others.map((p) => asBrowserPage(p, 'non-article')),
    { name: 'plain', kind: 'plain', route: { html: plain }, text: '' },
  ];
}

async function runChromium(o: BenchOptions, pages: BenchPage[], workDir: string, pack19kFile: string | null): Promise<ChromiumResult> {
  const shipped = buildExtension(path.join(workDir, 'shipped'));
  o.log(`  built the shipped extension in ${shipped.ms.toFixed(0)} ms`);
  const pack19k = pack19kFile ? buildExtension(path.join(workDir, 'pack19k'), [pack19kFile]) : null;
  if (pack19k) o.log(`  built the extension with the 19k pack in ${pack19k.ms.toFixed(0)} ms`);
  const control = writeControlExtension(path.join(workDir, 'control'));
  const minimal = writeControlExtension(path.join(workDir, 'minimal'), true);
  const chosen = browserPages(pages);
  const seed = chosen.find((p) => p.kind === 'seed')?.name;
  const largest = chosen.find((p) => p.kind === 'news')?.name;
  const firstOther = chosen.find((p) => p.kind === 'non-article')?.name;
  const heavy = [seed, largest, firstOther].filter((n): n is string => n !== undefined);
  return benchChromium(
    {
      pages: chosen,
      heavyPages: heavy,
      roundTripPages: [seed, largest].filter((n): n is string => n !== undefined),
      lightPages: [seed, 'plain'].filter((n): n is string => n !== undefined),
      runs: o.chromiumRuns,
      log: o.log,
    },
    { control, minimal, shipped: shipped.dir, ...(pack19k ? { pack19k: pack19k.dir } : {}) },
  );
}

/** Runs the bench; every part logs its progress through `o.log`. */
export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const start = nowMs();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'claimlens-bench-'));
  try {
    o.log('reading pages (jsdom, the content script path)…');
    const pages = readPages(o.sharedDir, o.pageFilter ? { filter: o.pageFilter } : {});
    const real = readRealPools(o.sharedDir);
    const bundled = bundledClaims();

    const matching: PoolTiming[] = [];
    for (const size of o.scales) {
      o.log(`matching with ${size} claims…`);
      matching.push(benchPool(pages, buildPool(size, bundled, real), MATCHER_KINDS, { runs: o.matchingRuns, secondsPerMatcher: o.secondsPerMatcher, log: o.log }));
    }
    const queries = o.qualityQueries > 0 ? readDevtest(o.sharedDir).slice(0, o.qualityQueries) : [];
    if (queries.length > 0) o.log(`MAP@5 on 2A devtest (${queries.length} queries)…`);
    const quality = queries.length > 0 ? benchQuality(MATCHER_KINDS, real.a2, queries) : [];

    o.log('index size, load time and heap…');
    const largestText = [...pages].sort((a, b) => b.text.length - a.text.length)[0]?.text ?? '';
    const textFile = path.join(workDir, 'page-text.txt');
    writeFileSync(textFile, largestText);
    const packs = o.indexLargeSize > 0 ? importResearchPacks(o.sharedDir) : null;
    const specs = packs ? indexSpecs(packs, o.indexLargeSize) : [bundledIndexSpec()];
    const index = specs.map((spec) => measureIndexCost(spec, workDir, textFile, 3));
    let pack19kFile: string | null = null;
    if (packs) {
      mkdirSync(path.join(workDir, 'packs'), { recursive: true });
      pack19kFile = path.join(workDir, 'packs', 'checkthat-2b.pack.json');
      writeFileSync(pack19kFile, JSON.stringify(packs.b2));
    }

    let chromium: ChromiumResult | null = null;
    let chromiumError: string | null = o.chromium ? null : 'not run (--no-chromium)';
    if (o.chromium) {
      o.log('Chromium: builds, then traced page loads…');
      try {
        chromium = await runChromium(o, pages, workDir, pack19kFile);
      } catch (error) {
        chromiumError = error instanceof Error ? error.message : String(error);
        o.log(`  Chromium part failed: ${chromiumError}`);
      }
    }
    return { machine: machineInfo(chromium?.version), pages, matching, quality, queries: queries.length, index, chromium, chromiumError, elapsedMs: nowMs() - start };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
