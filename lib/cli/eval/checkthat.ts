/**
 * Reading the CLEF CheckThat! claim-retrieval data (../shared/data/checkthat)
 * into claims the matcher can index, and queries with their gold claims.
 *
 * Task 2A (tweets → Snopes) has a claim, the fact-check's title and its
 * subtitle; task 2B (debate sentences → PolitiFact) has a claim, the
 * fact-check's title, the speaker and the claim's date. The claim is the
 * wording; the rest are the pack's retrieval-only fields (claim.retrieval).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compilePacks } from '../../claims/compile';
import { importInput, parseImportText, toIsoDate } from '../../claims/importers';
import type { MatchableClaim, RuntimeClaim } from '../../claims/runtime-types';

/** One retrieval query and the ids of its relevant claims. */
export interface Query {
  id: string;
  text: string;
  relevant: string[];
  /** When the query was written or spoken, ISO "YYYY-MM-DD", when the data says (see queryDate). */
  date?: string;
}

/**
 * The publication date of a query, which the data gives outside the words
 * of the claim: a 2B query's id starts with its transcript's date
 * ("20160114_…", published by the task with the transcript), and a 2A tweet
 * ends with its own timestamp ("— Name (@handle) January 5, 2020"), as a
 * page carries its publication date.
 */
export function queryDate(id: string, text: string): string | undefined {
  const transcript = /^(\d{4})(\d{2})(\d{2})_/.exec(id);
  if (transcript) return `${transcript[1]}-${transcript[2]}-${transcript[3]}`;
  const tweet = /\(@\w+\)\s*([A-Z][a-z]+ \d{1,2}, \d{4})\s*$/.exec(text);
  return tweet ? toIsoDate(tweet[1]) : undefined;
}

/** A claim pool and its evaluation splits. */
export interface Task {
  name: string;
  claims: MatchableClaim[];
  splits: { name: string; queries: Query[] }[];
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
}

/**
 * Reads a vclaims JSONL file into matchable claims the way a user gets
 * them: imported into a pack (lib/claims/importers) and compiled, so the
 * figures are those of `claims import` + `claims rank`. Ids are the
 * vclaim ids the qrels use. No key entities: the data declares none.
 */
export function readClaimPool(file: string): RuntimeClaim[] {
  const { pack } = importInput(parseImportText(readFileSync(file, 'utf8')));
  const sourceIds = new Map(pack.claims.map((c) => [c.id, c.sourceId]));
  const { index } = compilePacks([{ file, pack }]);
  return index.body.claims.map((claim) => ({ ...claim, id: sourceIds.get(claim.id) ?? claim.id }));
}

/**
 * A TSV field: some query files quote fields that contain quotes, CSV
 * style ("…""quoted""…"); unquote those.
 */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

/** Reads `id<TAB>text` query lines, skipping a header line. */
export function readQueries(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines(file)) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const id = line.slice(0, tab);
    if (id === 'iclaim_id') continue;
    out.set(id, unquote(line.slice(tab + 1)));
  }
  return out;
}

/** Reads TREC qrels (`query 0 claim relevance`): query id → relevant claim ids. */
export function readQrels(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of lines(file)) {
    const [query, , claim, rel] = line.split('\t');
    if (!query || !claim || Number(rel) <= 0) continue;
    out.set(query, [...(out.get(query) ?? []), claim]);
  }
  return out;
}

/** Joins qrels with query texts; every query with gold must have a text. */
function split(name: string, queries: Map<string, string>, qrels: Map<string, string[]>): { name: string; queries: Query[] } {
  return {
    name,
    queries: [...qrels].map(([id, relevant]) => {
      const text = queries.get(id);
      if (text === undefined) throw new Error(`checkthat ${name}: query ${id} has gold but no text`);
      const date = queryDate(id, text);
      return date ? { id, text, relevant, date } : { id, text, relevant };
    }),
  };
}

/** Task 2A: 14k Snopes claims; train, dev and devtest (the held-out check). */
export function readTask2A(dataDir: string): Task {
  const dir = path.join(dataDir, 'checkthat/2a');
  const trainDev = readQueries(path.join(dir, 'train-dev.queries.tsv'));
  return {
    name: '2A',
    claims: readClaimPool(path.join(dir, 'vclaims.jsonl')),
    splits: [
      split('train', trainDev, readQrels(path.join(dir, 'train.qrels.tsv'))),
      split('dev', trainDev, readQrels(path.join(dir, 'dev.qrels.tsv'))),
      split('devtest', readQueries(path.join(dir, 'devtest.queries.tsv')), readQrels(path.join(dir, 'devtest.qrels.tsv'))),
    ],
  };
}

/** Task 2B: 19k PolitiFact claims; train and dev. */
export function readTask2B(dataDir: string): Task {
  const dir = path.join(dataDir, 'checkthat/2b');
  const queries = readQueries(path.join(dir, 'train-dev.queries.tsv'));
  return {
    name: '2B',
    claims: readClaimPool(path.join(dir, 'politifact-vclaims.jsonl')),
    splits: [
      split('train', queries, readQrels(path.join(dir, 'train.qrels.tsv'))),
      split('dev', queries, readQrels(path.join(dir, 'dev.qrels.tsv'))),
    ],
  };
}
