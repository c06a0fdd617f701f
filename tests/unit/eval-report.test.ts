// A fast smoke test of the evaluation's parts on a tiny invented benchmark:
// reading the CheckThat! formats, running every engine, the decision count
// and the printed table. The full evaluation is `npm run eval`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDate, readClaimPool, readQrels, readQueries, type Task } from '../../lib/cli/eval/checkthat';
import { evaluateDecision } from '../../lib/cli/eval/decision';
import { ENGINES } from '../../lib/cli/eval/engines';
import type { PageMark } from '../../lib/cli/eval/pages';
import { formatTable, judgeCounts, marksListing, resultsTable, type EvalResults } from '../../lib/cli/eval/report';
import { evaluateRetrieval } from '../../lib/cli/eval/retrieval';
import { createMatcher } from '../../lib/match/matcher';

const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const pool = readClaimPool(
  file(
    'vclaims.jsonl',
    [
      { vclaim_id: 'c-dam', vclaim: 'The dam above the valley burst after the storm.', title: 'Did the Hoover dam burst?', subtitle: 'Rumours spread.' },
      { vclaim_id: 'c-zoo', vclaim: 'A tiger escaped from the city zoo and roamed the park.', title: 'Tiger loose in the park?' },
      { vclaim_id: 'c-tax', vclaim: 'The mayor raised the sales tax twice in one year.', title: 'Sales tax hikes' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  ),
);
const queries = readQueries(file('q.tsv', 'iclaim_id\ticlaim\nq1\t"He said ""the dam burst"" above the valley after the storm"\nq2\tTiger roamed the city park after it escaped from the zoo #TigerKing\nq3\tNothing to see\n'));
const qrels = readQrels(file('qrels.tsv', 'q1\t0\tc-dam\t1\nq2\t0\tc-zoo\t1\nq2\t0\tc-tax\t0\n'));

describe('reading CheckThat! files', () => {
  it('reads claims with title and subtitle as retrieval-only fields', () => {
    expect(pool.map((c) => c.id)).toEqual(['c-dam', 'c-zoo', 'c-tax']);
    expect(pool[0]).toMatchObject({ title: 'Did the Hoover dam burst?', summary: 'Rumours spread.', paraphrases: [], entities: [] });
    expect(pool[2]!.summary).toBeUndefined();
  });

  it('reads the speaker, and a date as the claim\'s own ("stated on") or its fact-check\'s, through the pack importer', () => {
    const jsonl = (name: string, records: object[]): string => file(name, records.map((r) => JSON.stringify(r)).join('\n'));
    const [stated] = readClaimPool(jsonl('2b.jsonl', [{ vclaim_id: 'p1', vclaim: 'Bridge tolls doubled.', speaker: 'Ann Example', date: 'stated on Sept. 3, 2015 in a speech:', truth_label: 'false', url: '/factchecks/2015/sep/10/ann-example/tolls/' }]));
    const [reviewed] = readClaimPool(jsonl('2a.jsonl', [{ vclaim_id: 's1', vclaim: 'A shark swam down the highway.', date: '6 March 2021' }]));
    expect(stated).toMatchObject({ id: 'p1', speaker: 'Ann Example', date: '2015-09-03' });
    // PolitiFact's review date comes from its URL, for the card's review and for ranking.
    expect(stated!.reviewDate).toBe('2015-09-10');
    expect(stated!.reviews[0]).toMatchObject({ publisher: 'PolitiFact', date: '2015-09-10' });
    expect(reviewed).toMatchObject({ id: 's1', reviewDate: '2021-03-06' });
    expect(reviewed!.date).toBeUndefined();
  });

  it('dates a query by its transcript id or by the tweet\'s own timestamp, never by its words', () => {
    expect(queryDate('20160114_some_debate_0042', 'It went up 9 percent in 2015.')).toBe('2016-01-14');
    expect(queryDate('tweet-7', 'Sharks on the highway! — Jo Doe (@jodoe) August 28, 2017')).toBe('2017-08-28');
    expect(queryDate('tweet-8', 'Sharks on the highway on August 28, 2017, wow')).toBeUndefined();
  });

  it('skips the header, unquotes CSV-style fields, and keeps only positive qrels', () => {
    expect(queries.get('q1')).toBe('He said "the dam burst" above the valley after the storm');
    expect(queries.has('iclaim_id')).toBe(false);
    expect(qrels.get('q2')).toEqual(['c-zoo']);
  });
});

describe('the evaluation table', () => {
  const task: Task = {
    name: 'T',
    claims: pool,
    splits: [{ name: 'train', queries: [...qrels].map(([id, relevant]) => ({ id, text: queries.get(id)!, relevant })) }],
  };
  const retrieval = evaluateRetrieval([task], ENGINES);

  it('runs every engine and scores MAP@1 and MAP@5 in 0…1', () => {
    expect(retrieval.rows).toHaveLength(1);
    for (const e of ENGINES) {
      const s = retrieval.rows[0]!.scores.get(e.name)!;
      expect(s.map1).toBeGreaterThanOrEqual(0);
      expect(s.map5).toBeLessThanOrEqual(1);
    }
    expect(retrieval.rows[0]!.scores.get('Claimlens')).toEqual({ map1: 1, map5: 1 });
  });

  it('scores dated queries a second time with their date, only for engines that read it', () => {
    const dated: Task = { ...task, splits: [{ name: 'dev', queries: task.splits[0]!.queries.map((q) => ({ ...q, date: '2020-01-01' })) }] };
    const result = evaluateRetrieval([dated], ENGINES);
    expect(result.rows.map((r) => [r.split, r.withDate ?? false])).toEqual([['dev', false], ['dev', true]]);
    expect([...result.rows[1]!.scores.keys()]).toEqual(['Claimlens']);
    const table = resultsTable({ ...emptyResults, retrieval: result });
    expect(table).toContain('T dev + query date (2 q) MAP@1 / MAP@5');
  });

  const seedRows = { rows: [], required: 0, found: 0, falsePositives: [] };
  const emptyResults: EvalResults = {
    engines: ENGINES.map((e) => e.name),
    retrieval,
    seed: seedRows,
    seedWithPolitiFact: seedRows,
    pages: { pages: 0, articles: 0, bundled: [], politifact: [] },
    decision: [],
    verdicts: [],
    claimText: new Map(),
  };

  it('prints one table with every measure and the listings with verdicts', () => {
    const mark: PageMark = {
      page: 'p1',
      claimId: 'c-zoo',
      score: 0.8,
      sentence: 'A tiger escaped from the zoo.',
      evidence: { matchedTerms: ['tiger'], matchedEntities: [], coverage: 0.8, focus: 0.5, matchedWording: 'x' },
    };
    const seed = { rows: [{ claimId: 's1', required: 2, found: 2, falsePositives: 0 }], required: 2, found: 2, falsePositives: [] };
    const results: EvalResults = {
      engines: ENGINES.map((e) => e.name),
      retrieval,
      seed,
      seedWithPolitiFact: seed,
      pages: { pages: 3, articles: 2, bundled: [], politifact: [mark] },
      decision: [{ label: 'T train', result: evaluateDecision(createMatcher(pool), task.splits[0]!.queries) }],
      verdicts: [{ page: 'p1', claimId: 'c-zoo', sentence: mark.sentence, claim: 'x', verdict: 'wrong', reason: 'another tiger' }],
      claimText: new Map(pool.map((c) => [c.id, c.text])),
    };
    const table = resultsTable(results);
    expect(table.split('\n')[0]).toMatch(/^measure +\| BM25 \(plain\) +\| MiniSearch +\| FlexSearch +\| Claimlens +\| target$/);
    expect(table).toContain('T train (2 q) MAP@1 / MAP@5');
    expect(table).toContain('seed article: required mentions found');
    expect(table).toContain('1 (judged wrong 1, right 0, unjudged 0)');
    expect(judgeCounts([mark, { ...mark, page: 'p2' }], results.verdicts)).toEqual({ wrong: 1, right: 0, unjudged: 1 });
    const listing = marksListing('Marks', [mark], results);
    expect(listing).toContain('[wrong] p1 / c-zoo');
    expect(listing).toContain('claim:  A tiger escaped from the city zoo and roamed the park.');
    expect(listing).toContain('why:    another tiger');
  });

  it('aligns columns', () => {
    expect(formatTable(['a', 'bb'], [['ccc', 'd']])).toBe('a   | bb\n----|---\nccc | d');
  });
});
