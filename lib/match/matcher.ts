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
 */
import type { MatchableClaim } from '../claims/runtime-types';
import { analyzeTokens, entityTerm, isEntityTerm, type Analysis } from './analyze';
import { DEFAULT_RULES, decide, type DecisionRules } from './decide';
import { compileEntities, type EntityIndex } from './entities';
import { createRanker } from './rank';
import { splitSentences } from './sentences';
import { isCommonTerm } from './terms';
import { tokenize, type Token } from './tokenize';
import type { Annotation } from './types';
import { computeWeights, type TermWeights } from './weights';

export { splitSentences } from './sentences';

/** Options of createMatcher. */
export interface MatcherOptions {
  /** Decision threshold on coverage (0…1); defaults to the precise DEFAULT_RULES.threshold. */
  threshold?: number;
  /** Overrides of the other decision rules, for evaluation and tests. */
  rules?: Partial<DecisionRules>;
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

/** One wording of a claim, analysed. */
interface Wording {
  claim: number;
  text: string;
  terms: string[];
  /** Sum of the weights of the wording's terms: the denominator of coverage. */
  total: number;
}

/**
 * One wording that holds a term. The weight is 0 for the claim's own key
 * entities: the decision checks their presence separately, so coverage
 * measures only what the claim says about them. Otherwise "Trump" and
 * "Russia" alone would carry half of most claims in a pack about Russia.
 */
interface Posting {
  wording: number;
  weight: number;
}

/** The compiled, immutable state shared by match() and rank(). */
interface Compiled {
  claims: MatchableClaim[];
  entities: EntityIndex;
  wordings: Wording[];
  weights: TermWeights;
  /** term → the wordings that hold it, with the term's coverage weight in each. */
  postings: Map<string, Posting[]>;
  /** Concept terms of each claim's key entities. */
  required: string[][];
  /** Every term of every wording, per claim, for the ranker. */
  claimTerms: string[][];
}

function compile(claims: MatchableClaim[]): Compiled {
  const entities = compileEntities(claims.flatMap((c) => c.entities));
  const analysed: { claim: number; text: string; terms: string[] }[] = [];
  const claimTerms: string[][] = claims.map(() => []);
  claims.forEach((claim, ci) => {
    for (const text of [claim.text, ...claim.paraphrases]) {
      const tokens = tokenize(text);
      const terms = [...analyzeTokens(tokens, entities).terms.keys()];
      if (terms.length === 0) continue;
      analysed.push({ claim: ci, text, terms });
      claimTerms[ci]!.push(...terms);
    }
  });
  const weights = computeWeights(claimTerms);
  const required = claims.map((c) => [...new Set(c.entities.map((e) => entityTerm(e.id)))]);
  const postings = new Map<string, Posting[]>();
  const wordings: Wording[] = analysed.map((a, wi) => {
    let total = 0;
    for (const term of a.terms) {
      const weight = required[a.claim]!.includes(term) ? 0 : weights.weight(term);
      total += weight;
      const posting = { wording: wi, weight };
      const list = postings.get(term);
      if (list) list.push(posting);
      else postings.set(term, [posting]);
    }
    return { claim: a.claim, text: a.text, terms: a.terms, total };
  });
  return { claims, entities, wordings, weights, postings, required, claimTerms };
}

/** Per-wording accumulators, reused across sentences (reset through `touched`). */
interface Scratch {
  seen: Uint8Array;
  weight: Float64Array;
  matched: Uint16Array;
  content: Uint16Array;
  touched: number[];
}

/** Page text of an entity hit or token range, without a trailing possessive "'s". */
function spanText(text: string, tokens: Token[], first: number, last: number): string {
  const end = tokens[last]!;
  const raw = text.slice(tokens[first]!.start, end.end);
  return end.possessive ? raw.replace(/['\u2019]s$/, '') : raw;
}

/** Scores one sentence against every wording that shares a term with it. */
function scoreSentence(
  c: Compiled, rules: DecisionRules, scratch: Scratch, text: string, tokens: Token[], analysis: Analysis,
  span: { start: number; end: number }, out: Annotation[],
): void {
  for (const term of analysis.terms.keys()) {
    const list = c.postings.get(term);
    if (!list) continue;
    // Common news words add coverage but never count towards the minimum numbers of shared terms.
    const entity = isEntityTerm(term);
    const informative = entity || !isCommonTerm(term) ? 1 : 0;
    const content = informative && !entity ? 1 : 0;
    for (const { wording: wi, weight } of list) {
      if (scratch.seen[wi] === 0) {
        scratch.seen[wi] = 1;
        scratch.touched.push(wi);
      }
      scratch.weight[wi] = scratch.weight[wi]! + weight;
      scratch.matched[wi] = scratch.matched[wi]! + informative;
      scratch.content[wi] = scratch.content[wi]! + content;
    }
  }
  // The best passing wording of each claim.
  const best = new Map<number, { wi: number; coverage: number }>();
  for (const wi of scratch.touched) {
    const wording = c.wordings[wi]!;
    const required = c.required[wording.claim]!;
    const coverage = wording.total > 0 ? scratch.weight[wi]! / wording.total : 0;
    const candidate = {
      coverage,
      matchedTerms: scratch.matched[wi]!,
      matchedContentTerms: scratch.content[wi]!,
      missingEntities: required.filter((t) => !analysis.terms.has(t)).length,
      requiredEntities: required.length,
    };
    if (decide(candidate, rules) && coverage > (best.get(wording.claim)?.coverage ?? -1)) {
      best.set(wording.claim, { wi, coverage });
    }
  }
  for (const wi of scratch.touched) {
    scratch.seen[wi] = 0;
    scratch.weight[wi] = 0;
    scratch.matched[wi] = 0;
    scratch.content[wi] = 0;
  }
  scratch.touched.length = 0;

  for (const [ci, { wi, coverage }] of best) {
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
      evidence: { matchedTerms, matchedEntities, coverage: Math.min(1, coverage), matchedWording: c.wordings[wi]!.text },
    });
  }
}

/**
 * Builds a matcher for `claims`. Creation analyses every wording once;
 * match() and rank() are then cheap and never change the matcher.
 */
export function createMatcher(claims: MatchableClaim[], options: MatcherOptions = {}): Matcher {
  const c = compile(claims);
  const rules: DecisionRules = { ...DEFAULT_RULES, ...options.rules };
  if (options.threshold !== undefined) rules.threshold = options.threshold;
  const n = c.wordings.length;
  const scratch: Scratch = { seen: new Uint8Array(n), weight: new Float64Array(n), matched: new Uint16Array(n), content: new Uint16Array(n), touched: [] };
  let ranker: ReturnType<typeof createRanker> | null = null;

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
      ranker ??= createRanker(c.claimTerms);
      const terms = [...analyzeTokens(tokenize(query), c.entities).terms.keys()];
      return ranker.top(terms, k).map(({ claim, score }) => ({ claimId: c.claims[claim]!.id, score }));
    },
  };
}
