// `claims rank`: TREC run output on a small pack, and retrieval quality on the first 20
// dev queries of the CheckThat! 2A and 2B pools (MAP@5 computed here from the qrels).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importInput, parseImportText } from '../../lib/claims/importers';
import { memoryIo } from '../../lib/cli/command-io';
import { readClaimPool } from '../../lib/cli/eval/checkthat';
import { rankCommand } from '../../lib/cli/rank-command';
import { createMatcher } from '../../lib/match/matcher';
import { isHeaderLine, meanAveragePrecision, parseQrels, parseQueries } from '../../lib/cli/trec';
import { HAS_SHARED } from '../support/shared';
import { CHECKTHAT_DIR, removeTempDirs, SHARED_NOTE, tempDir } from './import-helpers';

afterAll(removeTempDirs);

const RUN_LINE = /^(\S+) Q0 (\S+) (\d+) (\d+\.\d{6}) claimlens$/;

const smallPack = {
  format: 'claimlens-pack/1', id: 'small', title: 'Small', version: '1', language: 'en', license: 'CC0-1.0', source: { name: 'tests' },
  claims: [
    { id: 'small:bridge', text: 'The Golden Gate Bridge was closed for a whole year.', sourceId: 'SRC-1' },
    { id: 'small:taxes', text: 'State income taxes rose by ten percent in 2019.', sourceId: 'SRC-2' },
    { id: 'small:moon', text: 'Astronauts found water ice at the lunar south pole.' },
  ],
};

/** Runs `claims rank` and returns its parsed run lines and stderr. */
async function rank(args: string[]): Promise<{ code: number; lines: RegExpExecArray[]; raw: string[]; err: string }> {
  const io = memoryIo();
  const code = await rankCommand(args, io);
  const raw = io.out().split('\n').filter((l) => l !== '');
  return { code, raw, lines: raw.map((l) => RUN_LINE.exec(l)!), err: io.err() };
}

/** MAP@k computed independently of lib/cli/trec.ts: AP = mean precision at each relevant hit, over |relevant|. */
function mapAtK(run: RegExpExecArray[], qrels: Map<string, Set<string>>, qids: string[], k: number): number {
  let sum = 0;
  for (const qid of qids) {
    const relevant = qrels.get(qid)!;
    const docs = run.filter((m) => m[1] === qid).sort((a, b) => Number(a[3]) - Number(b[3])).slice(0, k).map((m) => m[2]);
    let hits = 0;
    let ap = 0;
    docs.forEach((doc, i) => {
      if (relevant.has(doc!)) ap += ++hits / (i + 1);
    });
    sum += ap / relevant.size;
  }
  return sum / qids.length;
}

describe('claims rank on a small pack', () => {
  const dir = tempDir();
  const packFile = path.join(dir, 'small.pack.json');
  writeFileSync(packFile, JSON.stringify(smallPack));
  const queries = path.join(dir, 'q.tsv');
  writeFileSync(queries, 'id\ttext\nq1\tWas the Golden Gate Bridge closed for a year?\nq2\t"Income taxes ""rose"" ten percent"\nq1\tWas the Golden Gate Bridge closed for a year?\n');

  it('prints TREC run lines, best first, skipping the header and repeated queries', async () => {
    const { code, lines, raw, err } = await rank(['--pack', packFile, '--queries', queries, '--top', '2']);
    expect(code).toBe(0);
    expect(lines.every((m) => m !== null), raw.join('\n')).toBe(true);
    expect(lines.filter((m) => m[3] === '1').map((m) => [m[1], m[2]])).toEqual([['q1', 'small:bridge'], ['q2', 'small:taxes']]);
    for (const qid of ['q1', 'q2']) {
      const mine = lines.filter((m) => m[1] === qid);
      expect(mine.map((m) => Number(m[3]))).toEqual(mine.map((_, i) => i + 1));
      expect(mine.length).toBeLessThanOrEqual(2);
      expect(mine.map((m) => Number(m[4]))).toEqual(mine.map((m) => Number(m[4])).sort((a, b) => b - a));
    }
    expect(err).toMatch(/ranked 2 queries against 3 claims .*\(1 repeated query lines ignored\)/);
  });

  it('prints source ids with --ids source (pack ids where a claim has none), and MAP with --qrels', async () => {
    const qrels = path.join(dir, 'qrels.tsv');
    writeFileSync(qrels, 'q1\t0\tSRC-1\t1\nq2\t0\tSRC-2\t1\n');
    const { lines, err } = await rank(['--pack', packFile, '--queries', queries, '--ids', 'source', '--qrels', qrels]);
    expect(lines.filter((m) => m[3] === '1').map((m) => m[2])).toEqual(['SRC-1', 'SRC-2']);
    expect(lines.map((m) => m[2])).not.toContain('small:bridge');
    expect(err).toMatch(/MAP@5 = 1\.0000 over 2 judged queries/);
  });

  it('answers bad arguments with 2, naming what is wrong, and a broken pack with 1 and its errors', async () => {
    expect(await rank(['--queries', queries])).toMatchObject({ code: 2, err: expect.stringMatching(/^give at least one --pack/) });
    expect(await rank(['--pack', packFile, '--queries', queries, '--top', '0'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--top must be a whole number from 1, got "0"/) });
    expect(await rank(['--pack', packFile, '--queries', queries, '--ids', 'weird'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--ids must be "claim" or "source", got "weird"/) });
    const broken = path.join(dir, 'broken.pack.json');
    writeFileSync(broken, JSON.stringify({ ...smallPack, claims: [{ id: 'Bad Id', text: 'x' }] }));
    const result = await rank(['--pack', broken, '--queries', queries]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/must be a lowercase slug/);
  });

  it('fails on a missing qrels file before printing any run line', async () => {
    await expect(rank(['--pack', packFile, '--queries', queries, '--qrels', path.join(dir, 'gone.tsv')])).rejects.toThrow(/ENOENT/);
  });
});

describe('TREC files', () => {
  it('recognises header lines by their first column', () => {
    expect(['id\ttext', 'iclaim_id\ticlaim', 'query_id\tq', 'QID\tx'].every(isHeaderLine)).toBe(true);
    expect(['tweet-sno-0\tx', '20170822_Trump_phoenix_0204\tx', 'q1\tx'].some(isHeaderLine)).toBe(false);
    // An id that merely ends in "id" is a query when a sentence follows it.
    expect(isHeaderLine('covid\tMasks do not work against the virus.')).toBe(false);
  });

  it('parses queries (quoted fields unquoted) and qrels, and computes MAP@k', () => {
    expect(parseQueries('a\t"say ""hi"""\nb\tplain\na\tagain\n')).toEqual({ queries: [{ id: 'a', text: 'say "hi"' }, { id: 'b', text: 'plain' }], repeats: 1 });
    const qrels = parseQrels('a 0 d1 1\na 0 d2 1\nb\t0\td3\t1\nc 0 d4 0\n');
    expect([...qrels.keys()]).toEqual(['a', 'b']);
    const run = [
      { qid: 'a', docid: 'x', rank: 1, score: 3 }, { qid: 'a', docid: 'd1', rank: 2, score: 2 },
      { qid: 'b', docid: 'd3', rank: 1, score: 1 },
    ];
    // a: (1/2) / 2 relevant = 0.25; b: 1; c: not judged.
    expect(meanAveragePrecision(run, qrels, 5, ['a', 'b', 'c'])).toEqual({ map: 0.625, judged: 2 });
  });
});

/** The first `n` dev queries of a task as a TSV file, and the qrels. */
function devQueries(task: '2a' | '2b', n: number): { file: string; qids: string[]; qrels: Map<string, Set<string>> } {
  const qrels = parseQrels(readFileSync(path.join(CHECKTHAT_DIR, task, 'dev.qrels.tsv'), 'utf8'));
  const qids = [...qrels.keys()].slice(0, n);
  const wanted = new Set(qids);
  const lines = readFileSync(path.join(CHECKTHAT_DIR, task, 'train-dev.queries.tsv'), 'utf8').split('\n').filter((l) => wanted.has(l.split('\t')[0]!));
  const file = path.join(tempDir(), `${task}-dev-${n}.tsv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, qids, qrels };
}

const POOL_FILES = { '2a': '2a/vclaims.jsonl', '2b': '2b/politifact-vclaims.jsonl' } as const;

/** Imports a CheckThat! pool into a pack file. */
function poolPack(task: '2a' | '2b'): string {
  const { pack } = importInput(parseImportText(readFileSync(path.join(CHECKTHAT_DIR, POOL_FILES[task]), 'utf8')));
  const file = path.join(tempDir(), `checkthat-${task}.pack.json`);
  writeFileSync(file, JSON.stringify(pack));
  return file;
}

describe.skipIf(!HAS_SHARED)(`claims rank on the CheckThat! pools${SHARED_NOTE}`, () => {
  it.each([
    // Published MAP@5 for plain BM25 on full splits: 2A about 0.83-0.86, 2B about 0.35-0.39.
    ['2a' as const, 0.5],
    ['2b' as const, 0.2],
  ])('ranks the first 20 dev queries of %s with the vclaim ids the qrels use (MAP@5 > %s)', async (task, floor) => {
    const { file, qids, qrels } = devQueries(task, 20);
    const { code, lines, raw } = await rank(['--pack', poolPack(task), '--queries', file, '--top', '5', '--ids', 'source']);
    expect(code).toBe(0);
    expect(lines.every((m) => m !== null), raw.find((l) => !RUN_LINE.test(l))).toBe(true);
    expect(new Set(lines.map((m) => m[1]))).toEqual(new Set(qids));
    for (const qid of qids) expect(lines.filter((m) => m[1] === qid).map((m) => Number(m[3]))).toEqual([1, 2, 3, 4, 5]);
    expect(lines.every((m) => m[2]!.startsWith('vclaim-'))).toBe(true);
    const map = mapAtK(lines, qrels, qids, 5);
    expect(map).toBeGreaterThan(floor);
    // The pack carries the fact-check headline (and the speaker and date) as retrieval-only
    // fields, so `claims rank` on a pack ranks exactly as `npm run eval` does on the pool.
    const pool = readClaimPool(path.join(CHECKTHAT_DIR, POOL_FILES[task]));
    expect(pool.filter((c) => c.title !== undefined).length).toBeGreaterThan(pool.length * 0.9);
    const matcher = createMatcher(pool);
    const queryText = new Map(parseQueries(readFileSync(file, 'utf8')).queries.map((q) => [q.id, q.text]));
    for (const qid of qids) {
      const viaPack = lines.filter((m) => m[1] === qid).map((m) => m[2]);
      expect(viaPack, qid).toEqual(matcher.rank(queryText.get(qid)!, 5).map((r) => r.claimId));
    }
  });
});
