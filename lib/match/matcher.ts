/**
 * The matcher: which sentences of a text carry which known claims.
 *
 * At creation every claim wording (the claim text and each paraphrase) is
 * analysed once into terms, and an inverted index maps each term to the
 * wordings that hold it. Matching a page then tokenises it once, splits it
 * into sentences, and for each sentence walks only the postings of its own
 * terms, so the cost is roughly linear in the page's tokens whatever the
 * number of claims. Each (sentence, wording) pair gets an IDF-weighted
 * coverage; the separate decision step (decide.ts) says which pairs are
 * sure enough to highlight.
 *
 * Only a wording's heaviest terms are posted (prefix filtering, as in
 * similarity joins; see probes.ts): a sentence that shares none of them
 * cannot reach the coverage threshold, so it never needs to meet the
 * wording. Common terms then leave the index's hot path, and a 100k-claim
 * index costs about what a 1k one does per page. The few candidates found
 * are scored exactly as if every term had been posted.
 */
import type { MatchableClaim } from '../claims/runtime-types';
import { analyzeTokens, isEntityTerm, type Analysis } from './analyze';
import { DEFAULT_RULES, decide, type DecisionRules } from './decide';
import { focusOf, sentenceWeight } from './focus';
import { createClaimRanker, type ClaimRanker, type RankingOptions } from './rank';
import { splitSentences } from './sentences';
import { isCommonTerm } from './terms';
import { tokenize, type Token } from './tokenize';
import type { Annotation } from './types';
import { compile, type Compiled } from './compiled-claims';

export { splitSentences } from './sentences';

/** Options of createMatcher. */
export interface MatcherOptions {
  /** Decision threshold on coverage (0…1); defaults to the precise DEFAULT_RULES.threshold. */
  threshold?: number;
  /** Overrides of the other decision rules, for evaluation and tests. */
  rules?: Partial<DecisionRules>;
  /** Overrides of the ranking knobs (rank.ts RANKING), for tuning and tests. */
  ranking?: Partial<RankingOptions>;
}

/** Matches texts against a fixed set of claims. */
export interface Matcher {
  /** Annotate a text: sentence-level annotations at or above the decision threshold. */
  match(text: string): Annotation[];
  /** Retrieval for evaluation: top-k claims for a query text, generous (no decision threshold). */
  rank(query: string, k: number): { claimId: string; score: number }[];
}

/** Sentences with fewer tokens carry no claim (bylines, captions, buttons). */
export const MIN_SENTENCE_TOKENS = 4;
/**
 * Longer "sentences" are lists, tables or page furniture run together
 * without punctuation; they would cover any wording by sheer size.
 */
export const MAX_SENTENCE_TOKENS = 120;

/**
 * Per-wording sums of the probe walk, reused across sentences. A wording's
 * sum is valid only when its stamp is the current sentence's, so nothing
 * needs resetting between sentences.
 */
interface Scratch {
  stamp: Uint32Array;
  sentence: number;
  weight: Float32Array;
  touched: number[];
}

/** Page text of an entity hit or token range, without a trailing possessive "'s". */
function spanText(text: string, tokens: Token[], first: number, last: number): string {
  const end = tokens[last]!;
  const raw = text.slice(tokens[first]!.start, end.end);
  return end.possessive ? raw.replace(/['\u2019]s$/, '') : raw;
}

/** What a sentence shares with a wording: summed weight, informative and content terms, first shared ordinal. */
interface Score {
  weight: number;
  matched: number;
  content: number;
  first: number;
}

/** A wording that passed the decision for a sentence. */
interface Passing {
  wi: number;
  coverage: number;
  focus: number;
  /** Ordinal (in the sentence's term order) of the first term it shares with the sentence. */
  first: number;
}

/**
 * Scores one wording against a sentence whose terms are `ordinal` (term →
 * position in the sentence's term order). Shared terms are summed in the
 * sentence's order, as a walk over every posting would add them, so the
 * coverage is the same to the last bit.
 */
function scoreWording(c: Compiled, wi: number, ordinal: Map<string, number>): Score {
  const wording = c.wordings[wi]!;
  const shared: { ord: number; t: number }[] = [];
  wording.terms.forEach((term, t) => {
    const ord = ordinal.get(term);
    if (ord !== undefined) shared.push({ ord, t });
  });
  shared.sort((a, b) => a.ord - b.ord);
  let weight = 0;
  let matched = 0;
  let content = 0;
  for (const { t } of shared) {
    const term = wording.terms[t]!;
    weight += wording.weights[t]!;
    // Common news words add coverage but never count towards the minimum numbers of shared terms.
    const entity = isEntityTerm(term);
    const informative = entity || !isCommonTerm(term) ? 1 : 0;
    matched += informative;
    content += informative && !entity ? 1 : 0;
  }
  return { weight, matched, content, first: shared[0]?.ord ?? 0 };
}

/**
 * Applies the decision to a wording's score; the passing wording, or null.
 * `sentenceTotal` is the sentence's own weight, for focus (focus.ts).
 */
function decideWording(c: Compiled, rules: DecisionRules, wi: number, score: Score, analysis: Analysis, sentenceTotal: number): Passing | null {
  const wording = c.wordings[wi]!;
  const required = c.required[wording.claim]!;
  const coverage = wording.total > 0 ? score.weight / wording.total : 0;
  const candidate = {
    coverage,
    matchedTerms: score.matched,
    matchedContentTerms: score.content,
    missingEntities: required.filter((t) => !analysis.terms.has(t)).length,
    requiredEntities: required.length,
    focus: focusOf(wording.terms, analysis.terms, c.weights, sentenceTotal),
  };
  return decide(candidate, rules) ? { wi, coverage, focus: candidate.focus, first: score.first } : null;
}

/** Scores one sentence against every wording that shares a probe term with it. */
function scoreSentence(
  c: Compiled, rules: DecisionRules, scratch: Scratch, text: string, tokens: Token[], analysis: Analysis,
  span: { start: number; end: number }, out: Annotation[],
): void {
  // The walk: sum each wording's probe hits. A sentence meets many
  // wordings through one rare word, and few of them come near the threshold.
  const stamp = ++scratch.sentence;
  for (const term of analysis.terms.keys()) {
    const list = c.probes.get(term);
    if (!list) continue;
    for (let j = 0; j < list.wordings.length; j++) {
      const wi = list.wordings[j]!;
      if (scratch.stamp[wi] !== stamp) {
        scratch.stamp[wi] = stamp;
        scratch.touched.push(wi);
        scratch.weight[wi] = list.weights[j]!;
      } else {
        scratch.weight[wi] = scratch.weight[wi]! + list.weights[j]!;
      }
    }
  }
  // Exact scoring only where the probe hits, plus every other term, could reach the threshold.
  let ordinal: Map<string, number> | null = null;
  let sentenceTotal = 0;
  const passing: Passing[] = [];
  for (const wi of scratch.touched) {
    if (scratch.weight[wi]! < c.need[wi]!) continue;
    if (!ordinal) {
      ordinal = new Map<string, number>();
      for (const term of analysis.terms.keys()) ordinal.set(term, ordinal.size);
      sentenceTotal = sentenceWeight(analysis.terms.keys(), c.weights);
    }
    const p = decideWording(c, rules, wi, scoreWording(c, wi, ordinal), analysis, sentenceTotal);
    if (p) passing.push(p);
  }
  scratch.touched.length = 0;
  if (passing.length === 0) return;
  // The best passing wording of each claim. Visiting wordings in the order a
  // walk over all postings would first meet them keeps ties and the output order.
  passing.sort((a, b) => a.first - b.first || a.wi - b.wi);
  const best = new Map<number, Passing>();
  for (const p of passing) {
    const claim = c.wordings[p.wi]!.claim;
    if (p.coverage > (best.get(claim)?.coverage ?? -1)) best.set(claim, p);
  }

  for (const [ci, { wi, coverage, focus }] of best) {
    const claim = c.claims[ci]!;
    const wordingTerms = new Set(c.wordings[wi]!.terms);
    const matchedTerms: string[] = [];
    for (const [term, ti] of analysis.terms) {
      if (!isEntityTerm(term) && wordingTerms.has(term)) matchedTerms.push(spanText(text, tokens, ti, ti));
    }
    const keyIds = new Set(claim.entities.map((e) => e.id));
    const matchedEntities = [
      ...new Set(analysis.entityHits.filter((h) => keyIds.has(h.entityId)).map((h) => spanText(text, tokens, h.first, h.last))),
    ];
    out.push({
      claimId: claim.id,
      start: span.start,
      end: span.end,
      score: Math.min(1, coverage),
      evidence: { matchedTerms, matchedEntities, coverage: Math.min(1, coverage), focus, matchedWording: c.wordings[wi]!.text },
    });
  }
}

/**
 * Builds a matcher for `claims`. Creation analyses every wording once;
 * match() and rank() are then cheap and never change the matcher.
 */
export function createMatcher(claims: MatchableClaim[], options: MatcherOptions = {}): Matcher {
  const rules: DecisionRules = { ...DEFAULT_RULES, ...options.rules };
  if (options.threshold !== undefined) rules.threshold = options.threshold;
  const c = compile(claims, rules.threshold);
  const n = c.wordings.length;
  const scratch: Scratch = { stamp: new Uint32Array(n), sentence: 0, weight: new Float32Array(n), touched: [] };
  let ranker: ClaimRanker | null = null;

  return {
    match(text: string): Annotation[] {
      const out: Annotation[] = [];
      if (n === 0 || text.length === 0) return out;
      const tokens = tokenize(text);
      let ti = 0;
      for (const span of splitSentences(text)) {
        while (ti < tokens.length && tokens[ti]!.start < span.start) ti++;
        let tj = ti;
        while (tj < tokens.length && tokens[tj]!.end <= span.end) tj++;
        const count = tj - ti;
        if (count >= MIN_SENTENCE_TOKENS && count <= MAX_SENTENCE_TOKENS) {
          scoreSentence(c, rules, scratch, text, tokens, analyzeTokens(tokens, c.entities, ti, tj), span, out);
        }
        ti = tj;
      }
      return out;
    },
    rank(query: string, k: number) {
      // Built on first use: the content script only ever calls match().
      ranker ??= createClaimRanker(c.claims, c.entities, options.ranking);
      return ranker.top(query, k).map(({ claim, score }) => ({ claimId: c.claims[claim]!.id, score }));
    },
  };
}
