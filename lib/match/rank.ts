/**
 * Generous retrieval: the claims most likely to be what a text is about,
 * best first. Used to evaluate retrieval and to find candidates; it never
 * decides that a sentence carries a claim (decide.ts does).
 *
 * Three steps, each measured on the CheckThat! training queries:
 * 1. BM25F over each claim's wordings, fact-check title and summary
 *    (bm25f.ts), with numbers as terms and entity aliases as one concept;
 * 2. pseudo-relevance feedback from the first claims (feedback.ts; off as tuned);
 * 3. a re-score of the first `rerankDepth` claims that adds how much of the
 *    claim's own wording the text covers (BM25 rewards sharing rare words,
 *    coverage rewards saying most of the claim), the pairs of adjacent
 *    terms the text shares with the claim (proximity.ts), a prior for
 *    claims by often-checked speakers, and subtracts a penalty when the
 *    text and the claim name years and share none of them.
 *
 * A caller that knows when the text was written (a page's publication
 * date, a transcript's date) can pass it as context; claims made, or
 * fact-checked, near that date then gain (DatePriorOptions). Without
 * context the ranking is by the text alone.
 *
 * Figures below are CheckThat! MAP@5 on the training queries (2A: 997
 * tweets → 14k Snopes claims; 2B: 472 debate sentences → 19k PolitiFact
 * claims), text only unless said otherwise; those of single knobs were
 * measured while feedback was still on (see RANKING for the final ones).
 */
import type { MatchableClaim } from '../claims/runtime-types';
import { rankTerms } from './analyze';
import { createBm25f } from './bm25f';
import type { EntityIndex } from './entities';
import { feedbackTerms } from './feedback';
import { queryPairs, sharedPairs, termPairs, type TermPairs } from './proximity';
import { RANKING, type RankingOptions } from './ranking-options';
import { YEAR } from './terms';
import { tokenize } from './tokenize';

export { RANKING, type DatePriorOptions, type ProximityOptions, type RankingOptions } from './ranking-options';

/** The terms (in order, with repeats) of a claim's fields, from analyze.ts's rankTerms. */
export interface RankFields {
  wordings: string[][];
  title: string[];
  summary: string[];
  /** Who made the claim (retrieval-only); absent means none known. */
  speaker?: string[];
  /** When the claim was made, in days since 1970-01-01; absent when unknown. */
  day?: number;
  /** When its fact-check was published, in days since 1970-01-01; absent when unknown. */
  reviewDay?: number;
}

/**
 * What is known about the text besides its words. Every part is optional
 * and a ranking without context is the text-only ranking.
 */
export interface RankContext {
  /** The day the text was written or spoken, ISO "YYYY-MM-DD" (a page's publication date, a transcript's date). */
  date?: string;
}

/** A ranker over a fixed set of claims. */
export interface Ranker {
  /** The k best claims (by index) for the query terms, best first; claims sharing no term are left out. */
  top(queryTerms: string[], k: number, context?: RankContext): { claim: number; score: number }[];
}

/** Days since 1970-01-01 of an ISO date ("2016-01-14", or a longer ISO timestamp); undefined when it is not one. */
export function dayNumber(iso: string | undefined): number | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : Math.round(t / 86_400_000);
}


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
    claims.map((c) => [c.wordings.flat(), c.title, c.summary, c.speaker ?? []]),
    [o.fields.wordings, o.fields.title, o.fields.summary, o.fields.speaker],
    o.k1,
  );
  // Per claim, for the re-score: each wording's and the title's term sets, and the years named anywhere.
  const sets = claims.map((c) => {
    const parts = [...c.wordings, c.title].filter((p) => p.length > 0).map((p) => new Set(p));
    const years = new Set([...c.wordings.flat(), ...c.title, ...c.summary].filter((t) => YEAR.test(t)));
    return { parts, years };
  });
  const speakerKey = claims.map((c) => (c.speaker && c.speaker.length > 0 ? c.speaker.join(' ') : ''));
  const speakerCount = new Map<string, number>();
  for (const key of speakerKey) if (key) speakerCount.set(key, (speakerCount.get(key) ?? 0) + 1);
  let mostClaims = 1;
  for (const n of speakerCount.values()) mostClaims = Math.max(mostClaims, n);
  const speakerPrior = speakerKey.map((key) => (key ? (o.speakerPrior * Math.log(1 + speakerCount.get(key)!)) / Math.log(1 + mostClaims) : 0));
  const pairsOf: (TermPairs | undefined)[] = new Array(claims.length);
  const claimPairs = (claim: number): TermPairs => {
    let pairs = pairsOf[claim];
    if (!pairs) {
      const c = claims[claim]!;
      pairs = { ordered: new Set(), unordered: new Set() };
      for (const part of [...c.wordings, c.title]) termPairs(part, o.proximity.maxGap, pairs);
      pairsOf[claim] = pairs;
    }
    return pairs;
  };
  const px = o.proximity;
  const useProximity = px.ordered > 0 || px.unordered > 0;
  return {
    top(queryTerms, k, context = {}) {
      const today = dayNumber(context.date);
      const depth = today === undefined ? o.rerankDepth : o.datePrior.rerankDepth;
      const query = new Set(queryTerms);
      const first = index.score(query);
      const expansion = feedbackTerms(index, first, query, o.feedback);
      const weights = new Map<string, number>([...query].map((t) => [t, 1]));
      for (const [t, w] of expansion) weights.set(t, w);
      const scores = expansion.size > 0 ? index.score(weights.keys(), weights) : first;
      const candidates = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, depth);
      const best = candidates[0]?.[1] ?? 0;
      if (best <= 0) return [];
      const queryYears = [...query].filter((t) => YEAR.test(t));
      const qp = useProximity ? queryPairs(queryTerms, px.maxGap, index.idf) : null;
      const proximity = (claim: number): number => {
        if (!qp) return 0;
        const shared = sharedPairs(qp, claimPairs(claim));
        return (
          (qp.orderedTotal > 0 ? (px.ordered * shared.ordered) / qp.orderedTotal : 0) +
          (qp.unorderedTotal > 0 ? (px.unordered * shared.unordered) / qp.unorderedTotal : 0)
        );
      };
      const datePrior = (claim: number): number => {
        if (today === undefined) return 0;
        const { day, reviewDay } = claims[claim]!;
        if (day === undefined) {
          return reviewDay === undefined ? 0 : o.datePrior.reviewWeight * 2 ** (-Math.abs(reviewDay - today) / o.datePrior.reviewHalfLife);
        }
        if (day - today > o.datePrior.laterGrace) return -o.datePrior.laterPenalty;
        return o.datePrior.weight * 2 ** (-Math.abs(day - today) / o.datePrior.halfLife);
      };
      return candidates
        .map(([claim, score]) => {
          const { parts, years } = sets[claim]!;
          const cover = Math.max(0, ...parts.map((p) => coverage(p, query, index.idf)));
          const clash = queryYears.length > 0 && years.size > 0 && !queryYears.some((y) => years.has(y));
          return { claim, score: score / best + o.coverageWeight * cover + proximity(claim) + datePrior(claim) + speakerPrior[claim]! - (clash ? o.yearClashPenalty : 0) };
        })
        .sort((a, b) => b.score - a.score || a.claim - b.claim)
        .slice(0, Math.max(0, k));
    },
  };
}

/** A ranker that takes claims and query texts as they are. */
export interface ClaimRanker {
  /** The k best claims (by index) for a query text, best first. */
  top(query: string, k: number, context?: RankContext): { claim: number; score: number }[];
}

/**
 * Builds a ranker over claims: each field (the claim and its paraphrases,
 * title, summary, speaker) analysed with rankTerms, hyphenated compounds
 * closed up, entity aliases resolved through `entities`; a wording's leading
 * "Says" dropped (RankingOptions.dropSays); the claim's and its fact-check's
 * ISO dates read as days for the date prior.
 */
export function createClaimRanker(claims: readonly MatchableClaim[], entities: EntityIndex, options: Partial<RankingOptions> = {}): ClaimRanker {
  const o: RankingOptions = { ...RANKING, ...options };
  const fieldTerms = (text: string | undefined) => (text ? rankTerms(tokenize(text), entities, text) : []);
  const ranker = createRanker(
    claims.map((claim) => ({
      wordings: [claim.text, ...claim.paraphrases].map((w) => fieldTerms(o.dropSays ? w.replace(/^\s*Says\s+/, '') : w)),
      title: fieldTerms(claim.title),
      summary: fieldTerms(claim.summary),
      speaker: fieldTerms(claim.speaker),
      day: dayNumber(claim.date),
      reviewDay: dayNumber(claim.reviewDate),
    })),
    options,
  );
  return { top: (query, k, context) => ranker.top(rankTerms(tokenize(query), entities), k, context) };
}
