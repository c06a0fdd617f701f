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
 *
 * Per page, the work is kept close to that of tokenising it: each word
 * maps to an integer term id through one cached lookup (term-table.ts), a
 * sentence's terms live in reusable typed arrays (sentence-terms.ts), the
 * walk touches one cache line per posting, and nothing is allocated for a
 * sentence that meets no candidate. Exact scoring (score.ts) runs only for
 * the few candidates.
 */
import type { MatchableClaim } from '../claims/runtime-types';
import { ENTITY_FLAG, compile, type Compiled } from './compiled-claims';
import { DEFAULT_RULES, type DecisionRules } from './decide';
import { createClaimRanker, type ClaimRanker, type RankContext, type RankingOptions } from './rank';
import { scoreScratch, scoreWording, sentenceTotal, type Passing, type ScoreScratch } from './score';
import { hasNegation } from './negation';
import { quantitiesOf } from './quantities';
import { nameRuns, roleOrders, rolesReversed, type NameRun, type RoleOrder } from './role-order';
import { SentenceTerms } from './sentence-terms';
import { splitSentences } from './sentences';
import { tokenize, type Token } from './tokenize';
import type { Annotation } from './types';

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
  /** Retrieval for evaluation: top-k claims for a query text, generous (no decision threshold); `context` is optional (rank.ts RankContext). */
  rank(query: string, k: number, context?: RankContext): { claimId: string; score: number }[];
}

/** Sentences with fewer tokens carry no claim (bylines, captions, buttons). */
export const MIN_SENTENCE_TOKENS = 4;
/**
 * Longer "sentences" are lists, tables or page furniture run together
 * without punctuation; they would cover any wording by sheer size.
 */
export const MAX_SENTENCE_TOKENS = 120;

/**
 * Per-wording state of the probe walk, reused across sentences: the
 * sentence that last touched wording w (stamps[w], the sentence number
 * modulo STAMP_LIMIT) and its probe sum so far (sums[w]). A sum is valid
 * only when its stamp is the current sentence's, so nothing needs
 * resetting between sentences, only when the numbers wrap around.
 *
 * Most postings are a wording's first in the sentence, and those read
 * only the stamp (the posting itself says whether it reaches the need
 * alone, see Compiled.probeWordings): two bytes a wording keep the stamps
 * of a 100k-claim index in the core's cache, where the sums and needs
 * would not fit beside them.
 */
interface Scratch {
  stamps: Uint16Array;
  sums: Float32Array;
  /** The current sentence's stamp, 1 … STAMP_LIMIT - 1 (0 marks a wording no sentence touched since the last wrap). */
  sentence: number;
  /** Wordings whose probe sum reached their need in the current sentence. */
  candidates: Int32Array;
  terms: SentenceTerms;
  score: ScoreScratch;
  /**
   * Role orders (role-order.ts) of the wordings asked so far, by wording.
   * Only wordings that pass every other test are asked, so their text is
   * tokenised again then, once: kept from compile, the orders of every
   * wording would nearly double the compiled index's heap (about 8 MB more
   * for the 33k CheckThat! claims).
   */
  roleOrders: Map<number, readonly RoleOrder[]>;
}

/** Stamps wrap around here (Uint16Array), when every stamp is cleared. */
const STAMP_LIMIT = 1 << 16;

/** Scratch state for the n wordings of `c`. */
function createScratch(c: Compiled): Scratch {
  const n = c.wordingText.length;
  return { stamps: new Uint16Array(n), sums: new Float32Array(n), sentence: 0, candidates: new Int32Array(n), terms: new SentenceTerms(), score: scoreScratch(), roleOrders: new Map() };
}

/** Page text of an entity hit or token range, without a trailing possessive "'s". */
function spanText(text: string, tokens: Token[], first: number, last: number): string {
  const end = tokens[last]!;
  const raw = text.slice(tokens[first]!.start, end.end);
  return end.possessive ? raw.replace(/['\u2019]s$/, '') : raw;
}

/**
 * The walk: sums each wording's probe hits over the sentence's terms, and
 * returns how many wordings reached their need (in scratch.candidates). A
 * sentence meets many wordings through one rare word, and few of them come
 * near the threshold. Sums are single precision, as compiled need allows;
 * a wording is a candidate from the posting that lifts its sum to the need
 * (weights are not negative, so that happens at most once).
 */
function walk(c: Compiled, scratch: Scratch): number {
  const { stamps, sums, candidates, terms } = scratch;
  if (scratch.sentence === STAMP_LIMIT - 1) {
    stamps.fill(0);
    scratch.sentence = 0;
  }
  const sentence = ++scratch.sentence;
  const fixed = c.table.fixed;
  let n = 0;
  for (let o = 0; o < terms.count; o++) {
    const id = terms.ids[o]!;
    if (id >= fixed) continue; // a page word no claim holds
    const end = c.probeStart[id + 1]!;
    for (let j = c.probeStart[id]!; j < end; j++) {
      let wi = c.probeWordings[j]!;
      const alone = wi < 0; // this posting reaches the wording's need by itself
      if (alone) wi = ~wi;
      const weight = c.probeWeights[j]!;
      if (stamps[wi] !== sentence) {
        stamps[wi] = sentence;
        sums[wi] = weight;
        if (alone) candidates[n++] = wi;
      } else {
        const before = sums[wi]!;
        const after = Math.fround(before + weight);
        sums[wi] = after;
        const need = c.need[wi]!;
        if (before < need && after >= need) candidates[n++] = wi;
      }
    }
  }
  return n;
}

/** Scores the current sentence (scratch.terms) against every wording that shares enough probe weight with it. */
function scoreSentence(
  c: Compiled,
  rules: DecisionRules,
  scratch: Scratch,
  text: string,
  tokens: Token[],
  span: { start: number; end: number },
  /** The sentence's tokens are tokens[from, to). */
  from: number,
  to: number,
  out: Annotation[],
): void {
  const found = walk(c, scratch);
  if (found === 0) return; // most sentences: nothing below is allocated for them
  // Exact scoring only where the probe hits, plus every other term, could reach the threshold.
  const terms = scratch.terms;
  let total = NaN;
  let passing: Passing[] | null = null;
  let quantities: readonly number[] | null = null;
  const sentenceQuantities = () => (quantities ??= quantitiesOf(tokens, from, to));
  let negates: boolean | null = null;
  const sentenceNegates = () => (negates ??= hasNegation(tokens, from, to));
  let names: NameRun[] | null = null;
  const reversesRoles = (wi: number) => {
    names ??= nameRuns(tokens, from, to);
    // A swap needs both parties named in the sentence: no wording is read for fewer names.
    if (names.length < 2) return false;
    let orders = scratch.roleOrders.get(wi);
    if (!orders) {
      const wording = c.wordingText[wi]!;
      scratch.roleOrders.set(wi, (orders = roleOrders(wording, tokenize(wording))));
    }
    return orders.length > 0 && rolesReversed(orders, text, tokens, names);
  };
  for (let i = 0; i < found; i++) {
    const wi = scratch.candidates[i]!;
    if (Number.isNaN(total)) total = sentenceTotal(c, terms);
    const p = scoreWording(c, rules, wi, terms, total, scratch.score, sentenceQuantities, sentenceNegates, reversesRoles);
    if (p) (passing ??= []).push(p);
  }
  if (!passing) return;
  // The best passing wording of each claim. Visiting wordings in the order a
  // walk over all postings would first meet them keeps ties and the output order.
  passing.sort((a, b) => a.first - b.first || a.wi - b.wi);
  const best = new Map<number, Passing>();
  for (const p of passing) {
    const claim = c.wordingClaim[p.wi]!;
    if (p.coverage > (best.get(claim)?.coverage ?? -1)) best.set(claim, p);
  }

  for (const [ci, { wi, coverage, focus }] of best) {
    const claim = c.claims[ci]!;
    const wording = c.wordingTerms.subarray(c.wordingStart[wi]!, c.wordingStart[wi + 1]!);
    const matchedTerms: string[] = [];
    for (let o = 0; o < terms.count; o++) {
      const id = terms.ids[o]!;
      if (id < c.table.fixed && !(c.termFlags[id]! & ENTITY_FLAG) && wording.includes(id)) {
        matchedTerms.push(spanText(text, tokens, terms.firstToken[o]!, terms.firstToken[o]!));
      }
    }
    const keyIds = new Set(claim.entities.map((e) => e.id));
    const matchedEntities = [
      ...new Set(terms.hits.filter((h) => keyIds.has(h.entityId)).map((h) => spanText(text, tokens, h.first, h.last))),
    ];
    out.push({
      claimId: claim.id,
      start: span.start,
      end: span.end,
      score: Math.min(1, coverage),
      evidence: { matchedTerms, matchedEntities, coverage: Math.min(1, coverage), focus, matchedWording: c.wordingText[wi]! },
    });
  }
}

/**
 * Builds a matcher for `claims`. Creation analyses every wording once;
 * match() and rank() are then cheap, and their results never depend on
 * what was matched before (match() only caches the words it has seen).
 */
export function createMatcher(claims: MatchableClaim[], options: MatcherOptions = {}): Matcher {
  const rules: DecisionRules = { ...DEFAULT_RULES, ...options.rules };
  if (options.threshold !== undefined) rules.threshold = options.threshold;
  const c = compile(claims, rules.threshold);
  const n = c.wordingText.length;
  const scratch = createScratch(c);
  let ranker: ClaimRanker | null = null;

  return {
    match(text: string): Annotation[] {
      const out: Annotation[] = [];
      if (n === 0 || text.length === 0) return out;
      c.table.trim();
      const tokens = tokenize(text);
      let ti = 0;
      for (const span of splitSentences(text)) {
        while (ti < tokens.length && tokens[ti]!.start < span.start) ti++;
        let tj = ti;
        while (tj < tokens.length && tokens[tj]!.end <= span.end) tj++;
        const count = tj - ti;
        if (count >= MIN_SENTENCE_TOKENS && count <= MAX_SENTENCE_TOKENS) {
          scratch.terms.analyse(tokens, ti, tj, c.table, c.entities);
          scoreSentence(c, rules, scratch, text, tokens, span, ti, tj, out);
        }
        ti = tj;
      }
      return out;
    },
    rank(query: string, k: number, context?: RankContext) {
      // Built on first use: the content script only ever calls match().
      ranker ??= createClaimRanker(c.claims, c.entities, options.ranking);
      return ranker.top(query, k, context).map(({ claim, score }) => ({ claimId: c.claims[claim]!.id, score }));
    },
  };
}
