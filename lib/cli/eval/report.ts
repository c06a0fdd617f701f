/**
 * Printing the evaluation: one table of every figure, then the listings
 * that let a reader check the figures (every mark on the news pages, with
 * its evidence and recorded verdict).
 */
import type { DecisionResult } from './decision';
import { verdictOf, type Verdict } from './judged';
import type { PageMark, PageScan } from './pages';
import type { RetrievalResult } from './retrieval';
import type { SeedResult } from './seed';

/** Everything one run measured. */
export interface EvalResults {
  engines: string[];
  retrieval: RetrievalResult;
  seed: SeedResult;
  seedWithPolitiFact: SeedResult;
  pages: { pages: number; articles: number; bundled: PageMark[]; politifact: PageMark[]; articleText?: PageScan['articleText'] };
  decision: { label: string; result: DecisionResult }[];
  verdicts: Verdict[];
  /** Claim id → claim text, for the listings. */
  claimText: Map<string, string>;
}

/** Targets of the issue, by row key. */
const TARGETS: Record<string, string> = {
  '2A devtest': 'MAP@5 >= 0.90',
  '2B dev': 'MAP@5 >= 0.50',
};

/** Left-aligned plain-text table with a rule under the header. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const f3 = (x: number): string => x.toFixed(3);

/** Counts of judged marks: wrong, right and not yet judged. */
export function judgeCounts(marks: readonly PageMark[], verdicts: readonly Verdict[]): { wrong: number; right: number; unjudged: number } {
  const counts = { wrong: 0, right: 0, unjudged: 0 };
  for (const m of marks) {
    const v = verdictOf(verdicts, m);
    if (!v) counts.unjudged++;
    else counts[v.verdict]++;
  }
  return counts;
}

/** The one table. */
export function resultsTable(r: EvalResults): string {
  const header = ['measure', ...r.engines, 'target'];
  const onlyClaimlens = (label: string, value: string, target = '') => [label, ...r.engines.map((e, i) => (i === r.engines.length - 1 ? value : '-')), target];
  const rows: string[][] = [];
  for (const row of r.retrieval.rows) {
    const key = `${row.task} ${row.split}`;
    rows.push([
      row.withDate ? `${key} + query date (${row.queries} q) MAP@1 / MAP@5` : `${key} (${row.queries} q) MAP@1 / MAP@5`,
      ...r.engines.map((e) => {
        const s = row.scores.get(e);
        return s ? `${f3(s.map1)} / ${f3(s.map5)}` : '-';
      }),
      row.withDate ? '' : (TARGETS[key] ?? ''),
    ]);
  }
  rows.push(['retrieval run time (s)', ...r.engines.map((e) => ((r.retrieval.millis.get(e) ?? 0) / 1000).toFixed(1)), '']);
  const seed = r.seed;
  rows.push(onlyClaimlens('seed article: required mentions found', `${seed.found}/${seed.required}`, '15/15'));
  for (const c of seed.rows) rows.push(onlyClaimlens(`  ${c.claimId}`, `${c.found}/${c.required}, ${c.falsePositives} FP`));
  rows.push(onlyClaimlens('seed article: false positives', String(seed.falsePositives.length), '0'));
  const sp = r.seedWithPolitiFact;
  rows.push(onlyClaimlens('seed article, PolitiFact 19k also on: found, FP', `${sp.found}/${sp.required}, ${sp.falsePositives.length} FP`));
  const { pages, articles, bundled, politifact, articleText: t } = r.pages;
  if (t && t.pages > 0) {
    const share = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '-');
    rows.push(onlyClaimlens(`news pages: article text vs Readability (${t.pages} readerable): body read / outside`, `${share(t.bodyRead, t.bodyChars)} / ${share(t.outside, t.ourChars)}`));
  }
  rows.push(onlyClaimlens(`news pages (${pages}, ${articles} read as articles): marks, bundled packs`, String(bundled.length), '0'));
  const j = judgeCounts(politifact, r.verdicts);
  rows.push(
    onlyClaimlens(
      'news pages: marks, bundled + PolitiFact 19k',
      `${politifact.length} (judged wrong ${j.wrong}, right ${j.right}, unjudged ${j.unjudged})`,
      'wrong <= 6',
    ),
  );
  for (const { label, result } of r.decision) {
    rows.push(onlyClaimlens(`decision on ${label}: marked / right / wrong`, `${result.marked}/${result.queries} q, ${result.right} right, ${result.wrong} wrong`));
  }
  return formatTable(header, rows);
}

/** Every mark with its evidence, claim and verdict. */
export function marksListing(title: string, marks: readonly PageMark[], r: Pick<EvalResults, 'verdicts' | 'claimText'>): string {
  const lines = [`${title}: ${marks.length}`];
  if (marks.length === 0) lines.push('  (none)');
  for (const m of marks) {
    const v = verdictOf(r.verdicts, m);
    const e = m.evidence;
    lines.push(
      `  [${v ? v.verdict : 'unjudged'}] ${m.page} / ${m.claimId}  score ${f3(m.score)}, coverage ${f3(e.coverage)}, focus ${e.focus === undefined ? '-' : f3(e.focus)}`,
      `    page:   ${m.sentence}`,
      `    claim:  ${r.claimText.get(m.claimId) ?? '?'}`,
      `    shared: ${e.matchedTerms.join(', ') || '-'}; entities: ${e.matchedEntities.join(', ') || '-'}`,
    );
    if (v) lines.push(`    why:    ${v.reason}`);
  }
  return lines.join('\n');
}
