/**
 * Verdicts on marks, recorded by a person who read each marked sentence and
 * its claim (tests/eval/politifact-marks-judged.json), so that the
 * evaluation can say how many of the marks it finds are known to be wrong
 * and which are new and still unread.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PageMark } from './pages';

/** One judged mark. */
export interface Verdict {
  page: string;
  claimId: string;
  /** The marked sentence, white space collapsed, as the evaluation prints it. */
  sentence: string;
  claim: string;
  verdict: 'right' | 'wrong';
  reason: string;
}

/** Reads the verdicts; none when the file is absent. */
export function readVerdicts(file: string): Verdict[] {
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as { marks?: Verdict[] };
  return data.marks ?? [];
}

/** The verdict recorded for a mark (same page, claim and sentence), if any. */
export function verdictOf(verdicts: readonly Verdict[], mark: PageMark): Verdict | undefined {
  return verdicts.find((v) => v.page === mark.page && v.claimId === mark.claimId && v.sentence === mark.sentence);
}
