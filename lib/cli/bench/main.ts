/**
 * `npm run bench`: Claimlens's performance side by side with its peers, on
 * this machine, in under ten minutes. Prints a Markdown report (report.ts)
 * on stdout and progress on stderr.
 *
 *   npm run bench                       everything
 *   npm run bench -- --no-chromium      skip the browser part
 *   npm run bench -- --quick            a small run: 1k and 10k claims, fewer pages and runs
 *   npm run bench -- --chromium-only    the browser part alone (no matching, quality or large-index figures; no 19k-pack build)
 *   npm run bench -- --json out.json    also write the raw results
 *   npm run bench -- --gate-trial       only the gate script's fixed cost, taken apart (gate-trial.ts)
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SHARED_DIR } from './corpus';
import { gateTrial } from './gate-trial';
import { formatReport } from './report';
import { runBench, type BenchOptions } from './run';

const USAGE = 'Usage: npm run bench -- [--quick] [--no-chromium | --chromium-only | --gate-trial] [--shared-dir DIR] [--json FILE]\n';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      'no-chromium': { type: 'boolean', default: false },
      'chromium-only': { type: 'boolean', default: false },
      'gate-trial': { type: 'boolean', default: false },
      'shared-dir': { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const sharedDir = path.resolve(values['shared-dir'] ?? DEFAULT_SHARED_DIR);
  if (!existsSync(path.join(sharedDir, 'data/news-pages/index.json'))) {
    process.stderr.write(`bench: the shared data is not at ${sharedDir} (expected ../shared beside the project); pass --shared-dir\n`);
    return 2;
  }
  const quick = values.quick;
  const only = values['chromium-only'];
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  if (values['gate-trial']) {
    process.stdout.write(await gateTrial(sharedDir, quick ? 2 : 5, log));
    return 0;
  }
  const options: BenchOptions = {
    sharedDir,
    ...(quick ? { pageFilter: (name: string) => name.charCodeAt(0) % 3 === 0 } : {}),
    scales: only ? [] : quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
    matchingRuns: quick ? 1 : 9,
    secondsPerMatcher: quick ? 5 : 12,
    qualityQueries: only ? 0 : Infinity,
    indexLargeSize: quick || only ? 0 : 100_000,
    chromium: !values['no-chromium'],
    chromiumRuns: quick ? 1 : 3,
    log,
  };
  const result = await runBench(options);
  process.stdout.write(formatReport(result));
  if (values.json) writeFileSync(values.json, JSON.stringify({ ...result, pages: result.pages.map(({ text: _text, ...p }) => p) }, null, 2));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
