/**
 * The matcher's compiled state: every claim wording analysed once into
 * terms, their weights, and the probe lists that key each wording under its
 * rarest, heaviest terms (see probes.ts). Built once per claim set by
 * createMatcher; immutable afterwards.
 */
import type { MatchableClaim } from '../claims/runtime-types';
import { analyzeTokens, entityTerm } from './analyze';
import { compileEntities, type EntityIndex } from './entities';
import { minProbeWeight, probeTerms } from './probes';
import { tokenize } from './tokenize';
import { computeWeights, type TermWeights } from './weights';

/** One wording of a claim, analysed. */
export interface Wording {
  claim: number;
  text: string;
  terms: string[];
  /**
   * Coverage weight of each term, aligned with `terms`. It is 0 for the
   * claim's own key entities: the decision checks their presence
   * separately, so coverage measures only what the claim says about them.
   * Otherwise "Trump" and "Russia" alone would carry half of most claims in
   * a pack about Russia.
   */
  weights: number[];
  /** Sum of the weights of the wording's terms: the denominator of coverage. */
  total: number;
}

/**
 * The wordings (ascending) that hold a probe term, with the term's coverage
 * weight in each. Typed arrays keep a 100k-claim index compact and its walk
 * sequential in memory; single precision is enough for the walk's bound
 * (see minProbeWeight), and exact scoring reads the wording's own weights.
 */
export interface ProbeList {
  wordings: Int32Array;
  weights: Float32Array;
}

/** The compiled, immutable state shared by match() and rank(). */
export interface Compiled {
  claims: MatchableClaim[];
  entities: EntityIndex;
  wordings: Wording[];
  weights: TermWeights;
  /** term → the wordings (ascending) that hold it among their probe terms (probes.ts). */
  probes: Map<string, ProbeList>;
  /** Per wording: the probe weight a sentence must share before exact scoring can pay off (probes.ts). */
  need: Float32Array;
  /** Concept terms of each claim's key entities. */
  required: string[][];
}

/** Analyses every wording of `claims` and builds the probe lists for `threshold`. */
export function compile(claims: MatchableClaim[], threshold: number): Compiled {
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
  const lists = new Map<string, { wordings: number[]; weights: number[] }>();
  const need = new Float32Array(analysed.length);
  const wordings: Wording[] = analysed.map((a, wi) => {
    let total = 0;
    const termWeights = a.terms.map((term) => {
      const weight = required[a.claim]!.includes(term) ? 0 : weights.weight(term);
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
      let list = lists.get(term);
      if (!list) lists.set(term, (list = { wordings: [], weights: [] }));
      list.wordings.push(wi);
      list.weights.push(termWeights[t]!);
    });
    need[wi] = minProbeWeight(total, rest, threshold);
    return { claim: a.claim, text: a.text, terms: a.terms, weights: termWeights, total };
  });
  const probes = new Map<string, ProbeList>();
  for (const [term, list] of lists) probes.set(term, { wordings: Int32Array.from(list.wordings), weights: Float32Array.from(list.weights) });
  return { claims, entities, wordings, weights, probes, need, required };
}
