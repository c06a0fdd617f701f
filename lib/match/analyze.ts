/**
 * Turning a run of tokens into the terms that matching compares.
 *
 * Claim wordings and page sentences go through the same function, so both
 * sides agree on what a term is. Each key entity found by any alias becomes
 * one concept term "@id" and the words of that alias are not counted again
 * as plain terms: "Moscow" in a sentence then meets "Russia" in a claim, and
 * "Vice President Pence" counts once, not as three words.
 */
import { findEntities, type EntityHit, type EntityIndex } from './entities';
import { termOf } from './terms';
import type { Token } from './tokenize';

/** Prefix of concept terms, which stand for an entity rather than a word. */
export const ENTITY_PREFIX = '@';

/** The terms of a run of tokens. */
export interface Analysis {
  /** Each distinct term and the index (into the token array) of its first occurrence. */
  terms: Map<string, number>;
  /** Entity mentions found, in order. */
  entityHits: EntityHit[];
}

/** The concept term of an entity id. */
export function entityTerm(entityId: string): string {
  return ENTITY_PREFIX + entityId;
}

/** True for a concept term made from an entity. */
export function isEntityTerm(term: string): boolean {
  return term.startsWith(ENTITY_PREFIX);
}

/** Analyses `tokens[from, to)`: entity concepts first, then the content words outside them. */
export function analyzeTokens(tokens: Token[], entities: EntityIndex, from = 0, to = tokens.length): Analysis {
  const terms = new Map<string, number>();
  const entityHits = findEntities(entities, tokens, from, to);
  let covered: Uint8Array | null = null;
  if (entityHits.length > 0) {
    covered = new Uint8Array(to - from);
    for (const hit of entityHits) {
      for (let i = hit.first; i <= hit.last; i++) covered[i - from] = 1;
      const term = entityTerm(hit.entityId);
      if (!terms.has(term)) terms.set(term, hit.first);
    }
  }
  for (let i = from; i < to; i++) {
    if (covered && covered[i - from]) continue;
    const term = termOf(tokens[i]!.norm);
    if (term !== null && !terms.has(term)) terms.set(term, i);
  }
  return { terms, entityHits };
}
