/**
 * `claims rank --pack <pack.json> --queries <file.tsv>`: ranks every claim of
 * the packs against each query with the matcher's retrieval (`rank()`, no
 * decision threshold) and prints a TREC run, for benchmarks such as
 * CheckThat! that judge claim retrieval.
 *
 * Ids: by default the run names claims by their pack id. Benchmarks judge
 * their own ids, so `--ids source` prints each claim's `sourceId` instead
 * (importers set it to the record's original id, e.g. the CheckThat!
 * vclaim_id); a claim without one keeps its pack id. The source id lives in
 * the pack, not in the shipped index, so it is read from the pack file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePackJson } from '../build/read-packs';
import { compilePacks, PackValidationError } from '../claims/compile';
import { printIssues } from './import-file';
import { createMatcher } from '../match';
import { answeredHelp, count, exitQuietlyOnClosedPipe, processIo, type CommandIo, usageError } from './command-io';
import { formatRunLine, meanAveragePrecision, parseQrels, parseQueries, type RunEntry } from './trec';

const USAGE = `Usage: claims rank --pack <pack.json> [--pack …] --queries <file.tsv> [options]

Prints a TREC run (qid Q0 claimId rank score tag) ranking every claim of the packs for each query.
Queries are "id<TAB>text" lines; a header line (first column such as "id" or "iclaim_id") is skipped.

Options:
  --top <k>          Claims per query (default 5)
  --ids claim|source Print pack claim ids (default) or the claims' sourceId (the dataset's own ids)
  --qrels <file>     Also print MAP@k on stderr, judged against these qrels
  --tag <name>       Run tag, last column (default claimlens)
`;

/** Runs the command; returns the exit code. */
export async function rankCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  if (answeredHelp(io, args, USAGE)) return 0;
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        pack: { type: 'string', multiple: true }, queries: { type: 'string' }, top: { type: 'string', default: '5' },
        ids: { type: 'string', default: 'claim' }, qrels: { type: 'string' }, tag: { type: 'string', default: 'claimlens' },
      },
    }).values;
  } catch (error) {
    return usageError(io, (error as Error).message, USAGE);
  }
  const usage = (problem: string) => usageError(io, problem, USAGE);
  const top = Number(values.top);
  if (!values.pack?.length) return usage('give at least one --pack <pack.json>');
  if (values.queries === undefined) return usage('give --queries <file>');
  if (!Number.isInteger(top) || top < 1) return usage(`--top must be a whole number from 1, got "${values.top}"`);
  if (!['claim', 'source'].includes(values.ids)) return usage(`--ids must be "claim" or "source", got "${values.ids}"`);
  // Read both files first: a missing qrels file must not cost a whole run first.
  const queryText = readFileSync(values.queries, 'utf8');
  const qrelsText = values.qrels === undefined ? undefined : readFileSync(values.qrels, 'utf8');
  exitQuietlyOnClosedPipe(io);
  const started = performance.now();
  const inputs = values.pack.map((file) => ({ file, pack: parsePackJson(readFileSync(file, 'utf8'), file) }));
  let claims;
  try {
    claims = compilePacks(inputs).index.body.claims;
  } catch (error) {
    if (!(error instanceof PackValidationError)) throw error;
    printIssues(io.stderr, error.issues);
    return 1;
  }
  const printed = values.ids === 'source' ? sourceIds(inputs.map((i) => i.pack)) : new Map<string, string>();
  const matcher = createMatcher(claims);
  const { queries, repeats } = parseQueries(queryText);
  const run: RunEntry[] = [];
  for (const query of queries) {
    matcher.rank(query.text, top).forEach(({ claimId, score }, i) => {
      const entry = { qid: query.id, docid: printed.get(claimId) ?? claimId, rank: i + 1, score };
      run.push(entry);
      io.stdout.write(`${formatRunLine(entry, values.tag)}\n`);
    });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const repeated = repeats > 0 ? ` (${count(repeats)} repeated query lines ignored)` : '';
  io.stderr.write(`ranked ${count(queries.length)} queries against ${count(claims.length)} claims in ${seconds} s${repeated}\n`);
  if (qrelsText !== undefined) {
    const qrels = parseQrels(qrelsText);
    const { map, judged } = meanAveragePrecision(run, qrels, top, queries.map((q) => q.id));
    io.stderr.write(`MAP@${top} = ${map.toFixed(4)} over ${count(judged)} judged queries\n`);
  }
  return 0;
}

/** Claim id → sourceId, read from the raw pack JSON (validated by compilePacks already). */
function sourceIds(packs: unknown[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const pack of packs) {
    const claims = (pack as { claims?: { id?: unknown; sourceId?: unknown }[] }).claims ?? [];
    for (const claim of claims) {
      if (typeof claim.id === 'string' && typeof claim.sourceId === 'string') ids.set(claim.id, claim.sourceId.trim());
    }
  }
  return ids;
}
