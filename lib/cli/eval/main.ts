/**
 * `npm run eval`: matching quality on real benchmarks, in one run and one
 * table: the seed article's gold through the content script's path,
 * CheckThat! 2A and 2B retrieval (Claimlens against plain BM25, MiniSearch
 * and FlexSearch), the decision on benchmark sentences, and every mark on
 * 130 real pages with the bundled packs and with the 19k PolitiFact claims,
 * and how much of those pages' stories the article root reads.
 * Needs ../shared; exits 2 with a message when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createMatcher } from '../../match/matcher';
import { compileBundledPacks, PROJECT_ROOT } from '../bundled-index';
import { readTask2A, readTask2B } from './checkthat';
import { evaluateDecision } from './decision';
import { ENGINES } from './engines';
import { readVerdicts } from './judged';
import { scanPages } from './pages';
import { marksListing, resultsTable, type EvalResults } from './report';
import { evaluateRetrieval } from './retrieval';
import { evaluateSeed } from './seed';

const SHARED = path.resolve(PROJECT_ROOT, '../shared');
const DATA = path.join(SHARED, 'data');
const VERDICTS = path.join(PROJECT_ROOT, 'tests/eval/politifact-marks-judged.json');

function log(message: string): void {
  process.stderr.write(`[eval] ${message}\n`);
}

function main(): number {
  if (!existsSync(path.join(DATA, 'checkthat')) || !existsSync(path.join(SHARED, 'fixtures/seed-article'))) {
    process.stderr.write(`eval: the shared data is absent (${SHARED}); nothing to measure.\n`);
    return 2;
  }
  const start = performance.now();
  const task2B = readTask2B(DATA);
  const tasks = [readTask2A(DATA), task2B];
  log('retrieval: 4 engines x 2 tasks');
  const retrieval = evaluateRetrieval(tasks, ENGINES);

  const bundled = compileBundledPacks().index.body.claims;
  // The 2B pool, imported once: its claims are the PolitiFact pack's.
  const politifact = task2B.claims;
  const bundledMatcher = createMatcher(bundled);
  const withPolitiFact = createMatcher([...bundled, ...politifact]);
  log('seed article');
  const seedDir = path.join(SHARED, 'fixtures/seed-article');
  const seed = evaluateSeed(seedDir, bundledMatcher);
  const seedWithPolitiFact = evaluateSeed(seedDir, withPolitiFact);
  log('news pages');
  const scan = scanPages(path.join(DATA, 'news-pages'), [
    { name: 'bundled', matcher: bundledMatcher },
    { name: 'politifact', matcher: withPolitiFact },
  ]);
  log('decision on benchmark sentences');
  const [task2a, task2b] = tasks as [(typeof tasks)[0], (typeof tasks)[0]];
  const split = (task: typeof task2a, name: string) => task.splits.find((s) => s.name === name)!.queries;
  const decision = [
    { label: '2B dev sentences', result: evaluateDecision(withPolitiFact, split(task2b, 'dev')) },
    { label: '2A devtest tweets', result: evaluateDecision(createMatcher(task2a.claims), split(task2a, 'devtest')) },
  ];

  const results: EvalResults = {
    engines: ENGINES.map((e) => e.name),
    retrieval,
    seed,
    seedWithPolitiFact,
    pages: { pages: scan.pages, articles: scan.articles, bundled: scan.marks.get('bundled')!, politifact: scan.marks.get('politifact')!, articleText: scan.articleText },
    decision,
    verdicts: readVerdicts(VERDICTS),
    claimText: new Map([...bundled, ...politifact].map((c) => [c.id, c.text])),
  };
  const out = [
    resultsTable(results),
    '',
    ...(seed.falsePositives.length > 0 ? [`Seed false positives:\n  ${seed.falsePositives.join('\n  ')}`, ''] : []),
    marksListing('Marks on the news pages, bundled packs', results.pages.bundled, results),
    '',
    marksListing('Marks on the news pages, bundled packs + PolitiFact 19k', results.pages.politifact, results),
    '',
    `Run time: ${((performance.now() - start) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
