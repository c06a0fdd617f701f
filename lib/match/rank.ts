/**
 * Generous retrieval: the claims most likely to be what a text is about,
 * best first. Used to evaluate retrieval and to find candidates; it never
 * decides that a sentence carries a claim (decide.ts does).
 *
 * Three steps, each measured on the CheckThat! training queries:
 * 1. BM25F over each claim's wordings, fact-check title and summary
 *    (bm25f.ts), with numbers as terms and entity aliases as one concept;
 * 2. pseudo-relevance feedback from the first three claims (feedback.ts);
 * 3. a re-score of the first `rerankDepth` claims that adds how much of the
 *    claim's own wording the text covers (BM25 rewards sharing rare words,
 *    coverage rewards saying most of the claim) and subtracts a penalty
 *    when the text and the claim name years and share none of them.
 */
import type { MatchableClaim } from '../claims/runtime-types';
import { rankTerms } from './analyze';
import { createBm25f, type FieldSpec } from './bm25f';
import type { EntityIndex } from './entities';
import { FEEDBACK, feedbackTerms, type FeedbackOptions } from './feedback';
import { tokenize } from './tokenize';

/** The terms (in order, with repeats) of a claim's fields, from analyze.ts's rankTerms. */
export interface RankFields {
  wordings: string[][];
  title: string[];
  summary: string[];
}

/** A ranker over a fixed set of claims. */
export interface Ranker {
  /** The k best claims (by index) for the query terms, best first; claims sharing no term are left out. */
  top(queryTerms: string[], k: number): { claim: number; score: number }[];
}

/** The knobs of ranking; RANKING holds the values tuned on the CheckThat! training queries. */
export interface RankingOptions {
  /** BM25F weight and length normalisation of each field. */
  fields: Record<'wordings' | 'title' | 'summary', FieldSpec>;
  /** Pseudo-relevance feedback (feedback.ts); weight 0 turns it off. */
  feedback: FeedbackOptions;
  /** How many first-pass claims are re-scored. */
  rerankDepth: number;
  /** Weight of wording coverage in the re-score, relative to the best BM25 score (1). */
  coverageWeight: number;
  /** Penalty when both sides name years and share none. */
  yearClashPenalty: number;
}

/**
 * Tuned values. The claim's wordings and the fact-check's title count
 * fully; the summary, which also tells the background, a little over half.
 */
export const RANKING: Readonly<RankingOptions> = {
  fields: {
    wordings: { weight: 1, b: 0.75 },
    title: { weight: 1, b: 0.75 },
    summary: { weight: 0.6, b: 0.75 },
  },
  feedback: FEEDBACK,
  rerankDepth: 50,
  coverageWeight: 0.2,
  yearClashPenalty: 0.2,
};

const YEAR = /^(?:1[89]|20)\d\d$/;

/** IDF-weighted share of `terms` found in `present`, 0…1. */
function coverage(terms: ReadonlySet<string>, present: ReadonlySet<string>, idf: (t: string) => number): number {
  let have = 0;
  let all = 0;
  for (const t of terms) {
    const w = idf(t);
    all += w;
    if (present.has(t)) have += w;
  }
  return all > 0 ? have / all : 0;
}

/** Builds the ranker; see the module comment. `options` override RANKING, for tuning and tests. */
export function createRanker(claims: readonly RankFields[], options: Partial<RankingOptions> = {}): Ranker {
  const o: RankingOptions = { ...RANKING, ...options };
  const index = createBm25f(
    claims.map((c) => [c.wordings.flat(), c.title, c.summary]),
    [o.fields.wordings, o.fields.title, o.fields.summary],
  );
  // Per claim, for the re-score: each wording's and the title's term sets, and the years named anywhere.
  const sets = claims.map((c) => {
    const parts = [...c.wordings, c.title].filter((p) => p.length > 0).map((p) => new Set(p));
    const years = new Set([...c.wordings.flat(), ...c.title, ...c.summary].filter((t) => YEAR.test(t)));
    return { parts, years };
  });
  return {
    top(queryTerms, k) {
      const query = new Set(queryTerms);
      const first = index.score(query);
      const expansion = feedbackTerms(index, first, query, o.feedback);
      const weights = new Map<string, number>([...query].map((t) => [t, 1]));
      for (const [t, w] of expansion) weights.set(t, w);
      const scores = expansion.size > 0 ? index.score(weights.keys(), weights) : first;
      const candidates = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, o.rerankDepth);
      const best = candidates[0]?.[1] ?? 0;
      if (best <= 0) return [];
      const queryYears = [...query].filter((t) => YEAR.test(t));
      return candidates
        .map(([claim, score]) => {
          const { parts, years } = sets[claim]!;
          const cover = Math.max(0, ...parts.map((p) => coverage(p, query, index.idf)));
          const clash = queryYears.length > 0 && years.size > 0 && !queryYears.some((y) => years.has(y));
          return { claim, score: score / best + o.coverageWeight * cover - (clash ? o.yearClashPenalty : 0) };
        })
        .sort((a, b) => b.score - a.score || a.claim - b.claim)
        .slice(0, Math.max(0, k));
    },
  };
}

/** A ranker that takes claims and query texts as they are. */
export interface ClaimRanker {
  /** The k best claims (by index) for a query text, best first. */
  top(query: string, k: number): { claim: number; score: number }[];
}

/**
 * Builds a ranker over claims: each field (the claim and its paraphrases,
 * title, summary) analysed with rankTerms, hyphenated compounds closed up,
 * entity aliases resolved through `entities`.
 */
export function createClaimRanker(claims: readonly MatchableClaim[], entities: EntityIndex, options: Partial<RankingOptions> = {}): ClaimRanker {
  const fieldTerms = (text: string | undefined) => (text ? rankTerms(tokenize(text), entities, text) : []);
  const ranker = createRanker(
    claims.map((claim) => ({
      wordings: [claim.text, ...claim.paraphrases].map(fieldTerms),
      title: fieldTerms(claim.title),
      summary: fieldTerms(claim.summary),
    })),
    options,
  );
  return { top: (query, k) => ranker.top(rankTerms(tokenize(query), entities), k) };
}
