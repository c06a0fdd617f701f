/**
 * Retrieval quality on the CheckThat! tasks: every engine ranks every
 * query of every split over the task's full claim pool, and MAP@1 and
 * MAP@5 are taken with the official definition (metrics.ts). Queries are
 * ranked by their text alone; where the data dates them, the engines that
 * read context are scored a second time with the date, in a row of its own.
 */
import type { Retriever } from './bm25-baseline';
import type { Query, Task } from './checkthat';
import type { Engine } from './engines';
import { meanAveragePrecisionAtK } from './metrics';

/** MAP@1 and MAP@5 of one engine on one split. */
export interface Scores {
  map1: number;
  map5: number;
}

/** One split's results for every engine. */
export interface RetrievalRow {
  task: string;
  split: string;
  /** True for the row scored with each query's date as context. */
  withDate?: boolean;
  queries: number;
  /** Engine name → scores. */
  scores: Map<string, Scores>;
}

/** Rows of the table and each engine's total time (index building and querying), in ms. */
export interface RetrievalResult {
  rows: RetrievalRow[];
  millis: Map<string, number>;
}

/** Scores one retriever on queries: the top 5 of each, cut at 1 and 5; with `withDate`, each query's date (where it has one) is passed as context. */
export function scoreSplit(retriever: Retriever, queries: readonly Pick<Query, 'text' | 'relevant' | 'date'>[], withDate = false): Scores {
  const runs = queries.map((q) => ({
    ranked: withDate && q.date ? retriever.rank(q.text, 5, { date: q.date }) : retriever.rank(q.text, 5),
    relevant: q.relevant,
  }));
  return { map1: meanAveragePrecisionAtK(runs, 1), map5: meanAveragePrecisionAtK(runs, 5) };
}

/** Runs every engine on every split of every task. */
export function evaluateRetrieval(tasks: readonly Task[], engines: readonly Engine[]): RetrievalResult {
  const rows: RetrievalRow[] = [];
  const millis = new Map<string, number>(engines.map((e) => [e.name, 0]));
  for (const task of tasks) {
    const taskRows = task.splits.map((s) => ({ task: task.name, split: s.name, queries: s.queries.length, scores: new Map<string, Scores>() }));
    const dated = task.splits.filter((s) => s.queries.some((q) => q.date));
    const datedRows = dated.map((s) => ({
      task: task.name, split: s.name, withDate: true, queries: s.queries.length, scores: new Map<string, Scores>(),
    }));
    for (const engine of engines) {
      const start = performance.now();
      const retriever = engine.build(task.claims);
      task.splits.forEach((s, i) => taskRows[i]!.scores.set(engine.name, scoreSplit(retriever, s.queries)));
      // Text-only time is what the table reports; the dated runs are extra.
      millis.set(engine.name, millis.get(engine.name)! + performance.now() - start);
      if (engine.readsContext) dated.forEach((s, i) => datedRows[i]!.scores.set(engine.name, scoreSplit(retriever, s.queries, true)));
    }
    rows.push(...taskRows, ...datedRows);
  }
  return { rows, millis };
}
