/**
 * Retrieval quality on the CheckThat! tasks: every engine ranks every
 * query of every split over the task's full claim pool, and MAP@1 and
 * MAP@5 are taken with the official definition (metrics.ts).
 */
import type { Retriever } from './bm25-baseline';
import type { Task } from './checkthat';
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
  queries: number;
  /** Engine name → scores. */
  scores: Map<string, Scores>;
}

/** Rows of the table and each engine's total time (index building and querying), in ms. */
export interface RetrievalResult {
  rows: RetrievalRow[];
  millis: Map<string, number>;
}

/** Scores one retriever on queries: the top 5 of each, cut at 1 and 5. */
export function scoreSplit(retriever: Retriever, queries: readonly { text: string; relevant: string[] }[]): Scores {
  const runs = queries.map((q) => ({ ranked: retriever.rank(q.text, 5), relevant: q.relevant }));
  return { map1: meanAveragePrecisionAtK(runs, 1), map5: meanAveragePrecisionAtK(runs, 5) };
}

/** Runs every engine on every split of every task. */
export function evaluateRetrieval(tasks: readonly Task[], engines: readonly Engine[]): RetrievalResult {
  const rows: RetrievalRow[] = [];
  const millis = new Map<string, number>(engines.map((e) => [e.name, 0]));
  for (const task of tasks) {
    const taskRows = task.splits.map((s) => ({ task: task.name, split: s.name, queries: s.queries.length, scores: new Map<string, Scores>() }));
    for (const engine of engines) {
      const start = performance.now();
      const retriever = engine.build(task.claims);
      task.splits.forEach((s, i) => taskRows[i]!.scores.set(engine.name, scoreSplit(retriever, s.queries)));
      millis.set(engine.name, millis.get(engine.name)! + performance.now() - start);
    }
    rows.push(...taskRows);
  }
  return { rows, millis };
}
