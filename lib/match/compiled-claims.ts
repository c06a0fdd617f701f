/**
 * The matcher's compiled state: every claim wording analysed once into
 * terms, their weights, and the probe lists that key each wording under its
 * rarest, heaviest terms (see probes.ts). Built once per claim set by
 * createMatcher; immutable afterwards, except for the page words that the
 * term table caches.
 *
 * Terms are integer ids (term-table.ts) and everything per wording or per
 * term lives in flat typed arrays: a 100k-claim index is a few dozen
 * arrays, not hundreds of thousands of small objects, and the hot loops
 * read them sequentially.
 */
import type { MatchableClaim } from '../claims/runtime-types';
import { analyzeTokens, entityTerm, isEntityTerm } from './analyze';
import { compileEntities, type EntityIndex } from './entities';
import { nameGroups, NO_GROUP } from './name-runs';
import { negatedTerms } from './negation';
import { minProbeWeight, probeTerms } from './probes';
import { quantitiesOf } from './quantities';
import { TermTable } from './term-table';
import { isCommonTerm } from './terms';
import { tokenize } from './tokenize';
import { computeWeights, type TermWeights } from './weights';

/** Bit of `termFlags`: the term is an entity concept ("@id"). */
export const ENTITY_FLAG = 1;
/** Bit of `termFlags`: the term is a common news word or a year (terms.ts isCommonTerm). */
export const COMMON_FLAG = 2;

/** The compiled, immutable state shared by match() and rank(). */
export interface Compiled {
  claims: MatchableClaim[];
  entities: EntityIndex;
  weights: TermWeights;
  table: TermTable;
  /** Per fixed term id: ENTITY_FLAG and COMMON_FLAG. */
  termFlags: Uint8Array;
  /** Per fixed term id: its IDF weight (weights.weight), which focus counts in full. */
  termWeight: Float64Array;
  /** Per wording: the claim it belongs to. */
  wordingClaim: Int32Array;
  /** Per wording: its text (the claim text or a paraphrase). */
  wordingText: string[];
  /** Per wording: the quantities it states (quantities.ts), most often none. */
  wordingQuantities: (readonly number[])[];
  /** Per wording: the ids of the terms it negates (negation.ts), most often none. */
  wordingNegated: (readonly number[])[];
  /** Per wording: the sum of its terms' coverage weights, the denominator of coverage. */
  wordingTotal: Float64Array;
  /** The terms of wording w are wordingTerms[wordingStart[w] … wordingStart[w + 1]), in the wording's order. */
  wordingStart: Int32Array;
  wordingTerms: Int32Array;
  /**
   * Parallel to wordingTerms: the index (into wordingTerms) of the first
   * term of the multi-word name the term belongs to, or NO_GROUP
   * (name-runs.ts). The decision counts at most NAME_WORDS_COUNTED words
   * of one name.
   */
  termGroup: Int32Array;
  /**
   * Probe lists (probes.ts): the wordings (ascending) that post term t are
   * probeWordings[probeStart[t] … probeStart[t + 1]), with the term's
   * coverage weight in each. Single precision is enough for the walk's
   * bound (see minProbeWeight); exact scoring reads the full weights.
   * A posting whose weight alone reaches the wording's need holds ~w (a
   * negative number) instead of w, so that the walk decides on a
   * wording's first posting without reading its need.
   */
  probeStart: Int32Array;
  probeWordings: Int32Array;
  probeWeights: Float32Array;
  /** Per wording: the probe weight a sentence must share before exact scoring can pay off (probes.ts). */
  need: Float32Array;
  /** Concept term ids of each claim's key entities. */
  required: Int32Array[];
}

/**
 * The coverage weight of a wording's term: 0 for the claim's own key
 * entities, whose presence the decision checks separately, so coverage
 * measures only what the claim says about them (otherwise "Trump" and
 * "Russia" alone would carry half of most claims in a pack about Russia);
 * the term's IDF weight otherwise.
 */
export function coverageWeight(c: Pick<Compiled, 'termWeight' | 'required'>, claim: number, term: number): number {
  const required = c.required[claim]!;
  return required.length > 0 && required.includes(term) ? 0 : c.termWeight[term]!;
}

/** The required entities of the many claims that name none: one shared array, not one per claim. */
const NONE = new Int32Array(0);
/** The quantities of the many wordings that state none, and the negated terms of those that negate none. */
const NO_QUANTITIES: readonly number[] = [];
const NO_NEGATED: readonly number[] = [];

/** Analyses every wording of `claims` and builds the probe lists for `threshold`. */
export function compile(claims: MatchableClaim[], threshold: number): Compiled {
  const entities = compileEntities(claims.flatMap((c) => c.entities));
  const analysed: {
    claim: number;
    text: string;
    terms: string[];
    groups: Int32Array;
    quantities: readonly number[];
    negated: Set<string>;
  }[] = [];
  const claimTerms: string[][] = claims.map(() => []);
  claims.forEach((claim, ci) => {
    for (const text of [claim.text, ...claim.paraphrases]) {
      const tokens = tokenize(text);
      const analysis = analyzeTokens(tokens, entities);
      if (analysis.terms.size === 0) continue;
      const terms = [...analysis.terms.keys()];
      const quantities = quantitiesOf(tokens);
      analysed.push({
        claim: ci,
        text,
        terms,
        groups: nameGroups(tokens, analysis.terms),
        quantities: quantities.length > 0 ? quantities : NO_QUANTITIES,
        negated: negatedTerms(text, tokens, analysis),
      });
      claimTerms[ci]!.push(...terms);
    }
  });
  const weights = computeWeights(claimTerms);
  const table = new TermTable(weights, entities);
  const wordingStart = new Int32Array(analysed.length + 1);
  const flat: number[] = [];
  const termGroup: number[] = [];
  analysed.forEach((a, wi) => {
    const start = flat.length;
    for (const term of a.terms) flat.push(table.idOf(term));
    for (const group of a.groups) termGroup.push(group === NO_GROUP ? NO_GROUP : start + group);
    wordingStart[wi + 1] = flat.length;
  });
  for (const id of entities.names.keys()) table.idOf(entityTerm(id));
  const required = claims.map((c) => (c.entities.length === 0 ? NONE : Int32Array.from(new Set(c.entities.map((e) => table.idOf(entityTerm(e.id)))))));
  table.freeze();
  const termFlags = new Uint8Array(table.fixed);
  const termWeight = new Float64Array(table.fixed);
  table.terms.forEach((term, id) => {
    termFlags[id] = (isEntityTerm(term) ? ENTITY_FLAG : 0) | (isCommonTerm(term) ? COMMON_FLAG : 0);
    termWeight[id] = weights.weight(term);
  });
  const partial = { termWeight, required };

  const lists: { wordings: number[]; weights: number[] }[] = Array.from({ length: table.fixed }, () => ({ wordings: [], weights: [] }));
  const need = new Float32Array(analysed.length);
  const wordingTotal = new Float64Array(analysed.length);
  analysed.forEach((a, wi) => {
    const ids = flat.slice(wordingStart[wi], wordingStart[wi + 1]);
    let total = 0;
    const termWeights = ids.map((id) => {
      const weight = coverageWeight(partial, a.claim, id);
      total += weight;
      return weight;
    });
    const probe = new Set(probeTerms(a.terms, termWeights, total, threshold));
    let rest = 0;
    a.terms.forEach((term, t) => {
      if (!probe.has(term)) {
        rest += termWeights[t]!;
        return;
      }
      lists[ids[t]!]!.wordings.push(wi);
      lists[ids[t]!]!.weights.push(termWeights[t]!);
    });
    need[wi] = minProbeWeight(total, rest, threshold);
    wordingTotal[wi] = total;
  });
  const probeStart = new Int32Array(table.fixed + 1);
  lists.forEach((list, id) => (probeStart[id + 1] = probeStart[id]! + list.wordings.length));
  const probeWordings = new Int32Array(probeStart[table.fixed]!);
  const probeWeights = new Float32Array(probeStart[table.fixed]!);
  lists.forEach((list, id) => {
    probeWordings.set(list.wordings, probeStart[id]!);
    probeWeights.set(list.weights, probeStart[id]!);
  });
  for (let j = 0; j < probeWordings.length; j++) {
    const wi = probeWordings[j]!;
    if (probeWeights[j]! >= need[wi]!) probeWordings[j] = ~wi;
  }
  return {
    claims, entities, weights, table, termFlags, termWeight,
    wordingClaim: Int32Array.from(analysed, (a) => a.claim),
    wordingText: analysed.map((a) => a.text),
    wordingQuantities: analysed.map((a) => a.quantities),
    wordingNegated: analysed.map((a) => (a.negated.size > 0 ? [...a.negated].map((term) => table.idOf(term)) : NO_NEGATED)),
    wordingTotal, wordingStart, wordingTerms: Int32Array.from(flat), termGroup: Int32Array.from(termGroup),
    probeStart, probeWordings, probeWeights, need, required,
  };
}
