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

/** Month names, to tell the day of a date ("August 16, 2012", "16 Aug") from a count. */
const MONTHS: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** True when token i is a one- or two-digit number next to a month name: a day, which says when, not what. */
export function isDayOfMonth(tokens: readonly Token[], i: number): boolean {
  return /^\d{1,2}$/.test(tokens[i]!.norm) && (MONTHS.has(tokens[i - 1]?.norm ?? '') || MONTHS.has(tokens[i + 1]?.norm ?? ''));
}

/**
 * The terms of a text for ranking, in order and with repeats (term
 * frequency and feedback need both): entity concepts and content-word stems
 * as analyzeTokens gives them, plus every bare number. Matching leaves
 * numbers out because "two" and "2" vary freely in prose; retrieval keeps
 * them because "$1,250" or "85 percent" often picks out one claim among
 * thousands on the same subject. The day of a date is left out ("August
 * 16, 2012" gives the month and the year): it matches counts at random.
 *
 * Given the `text` the tokens came from, a hyphenated compound also yields
 * its closed-up form ("co-pay" → "copay" as well as "co",
 * "pay"), so that a claim written with the hyphen meets a text written
 * without it. Claims are indexed this way; queries are not, so that a
 * hyphenated word in a query does not count three times.
 */
export function rankTerms(tokens: Token[], entities: EntityIndex, text?: string): string[] {
  const hits = findEntities(entities, tokens);
  const startsAt = new Map<number, EntityHit[]>();
  for (const hit of hits) startsAt.set(hit.first, [...(startsAt.get(hit.first) ?? []), hit]);
  const out: string[] = [];
  let coveredUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    for (const hit of startsAt.get(i) ?? []) {
      out.push(entityTerm(hit.entityId));
      coveredUntil = Math.max(coveredUntil, hit.last);
    }
    if (i <= coveredUntil) continue;
    const norm = tokens[i]!.norm;
    const term = termOf(norm) ?? (/^\d/.test(norm) && !isDayOfMonth(tokens, i) ? norm : null);
    if (term !== null) out.push(term);
    const next = tokens[i + 1];
    if (text !== undefined && next && next.start === tokens[i]!.end + 1 && text[tokens[i]!.end] === '-') {
      const joined = termOf(norm + next.norm);
      if (joined !== null) out.push(joined);
    }
  }
  return out;
}
