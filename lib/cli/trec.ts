/**
 * Benchmark files in the TREC style that CheckThat! uses: queries as
 * `id<TAB>text` lines, relevance judgements (qrels) as `qid 0 docid 1`, and
 * run lines `qid Q0 docid rank score tag`. Plus MAP@k, the task's metric.
 */

/** One query to rank. */
export interface Query {
  id: string;
  text: string;
}

/**
 * A header line names its columns instead of holding a query: the first
 * column is a bare identifier name such as `id`, `qid`, `iclaim_id` or
 * `query_id`, and the second a bare column name (`text`, `tweet`). Query
 * ids (such as `tweet-abc-12` or `20200131_debate_0042`) carry digits or
 * dashes, and a query id that happens to end in "id" ("covid") is followed
 * by a sentence, not by one word.
 */
export function isHeaderLine(line: string): boolean {
  const [first = '', second = ''] = line.split('\t').map((column) => column.trim().toLowerCase());
  return /^[a-z_]*id$/.test(first) && /^[a-z_]+$/.test(second);
}

/** A field as spreadsheet tools write TSV: `"a ""b"""` → `a "b"`. */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

/**
 * Queries of a TSV file: `id<TAB>text` per line, header skipped, blank lines
 * ignored, quoted fields unquoted. A query id that comes back (CheckThat 2B
 * repeats a sentence once per relevant claim) is kept once; `repeats` counts
 * the rest.
 */
export function parseQueries(text: string): { queries: Query[]; repeats: number } {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines[0] !== undefined && isHeaderLine(lines[0])) lines.shift();
  const seen = new Set<string>();
  const queries: Query[] = [];
  let repeats = 0;
  for (const [i, line] of lines.entries()) {
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`query line ${i + 1} has no tab: expected "id<TAB>text"`);
    const id = line.slice(0, tab).trim();
    if (seen.has(id)) {
      repeats++;
      continue;
    }
    seen.add(id);
    queries.push({ id, text: unquote(line.slice(tab + 1).trim()) });
  }
  return { queries, repeats };
}

/** Relevant document ids per query, from qrels lines `qid 0 docid relevance` (tabs or spaces). */
export function parseQrels(text: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const line of text.split(/\r?\n/)) {
    const [qid, , docid, relevance] = line.trim().split(/\s+/);
    if (qid === undefined || docid === undefined || qid === '' || Number(relevance ?? '1') <= 0) continue;
    const set = qrels.get(qid) ?? new Set<string>();
    set.add(docid);
    qrels.set(qid, set);
  }
  return qrels;
}

/** One ranked result. */
export interface RunEntry {
  qid: string;
  docid: string;
  rank: number;
  score: number;
}

/** A run line: `qid Q0 docid rank score tag`. */
export function formatRunLine(entry: RunEntry, tag: string): string {
  return `${entry.qid} Q0 ${entry.docid} ${entry.rank} ${entry.score.toFixed(6)} ${tag}`;
}

/**
 * Mean average precision at k over the judged queries in `qids`: for each,
 * the precision at every relevant hit in the top k, summed and divided by
 * the number of relevant documents (as the CheckThat! scorer does); queries
 * with no hit score 0.
 */
export function meanAveragePrecision(run: readonly RunEntry[], qrels: Map<string, Set<string>>, k: number, qids: Iterable<string>): { map: number; judged: number } {
  const byQuery = new Map<string, RunEntry[]>();
  for (const entry of run) {
    const list = byQuery.get(entry.qid) ?? [];
    list.push(entry);
    byQuery.set(entry.qid, list);
  }
  let sum = 0;
  let judged = 0;
  for (const qid of qids) {
    const relevant = qrels.get(qid);
    if (!relevant || relevant.size === 0) continue;
    judged++;
    const ranked = (byQuery.get(qid) ?? []).sort((a, b) => a.rank - b.rank).slice(0, k);
    let hits = 0;
    let precisions = 0;
    ranked.forEach((entry, i) => {
      if (!relevant.has(entry.docid)) return;
      hits++;
      precisions += hits / (i + 1);
    });
    sum += precisions / relevant.size;
  }
  return { map: judged === 0 ? 0 : sum / judged, judged };
}
