/**
 * Finding a claim's key entities in text by any of their names.
 *
 * Aliases can span several words ("Vice President Pence") and appear in the
 * possessive ("Russia's"; tokenize.ts strips the "'s"). Capitalised alias
 * words are names: they must match the folded word exactly and be
 * capitalised in the text too, so "Sessions" does not match "training
 * sessions" and "Trump" does not match "trump card". Lower-case alias words
 * ("the envoy", "investigators") are ordinary words and match by stem, so
 * plurals and inflections count.
 *
 * An alias of one ordinary word ("envoy", "ambassador") stands for the
 * entity only where the text refers back to it ("the envoy") or qualifies
 * it with a word of the entity's own names ("Russian envoy" for Russia's
 * ambassador): right after another name or proper adjective ("Turkish
 * envoy", "Japan's ambassador") it is someone else's, and does not count.
 */
import type { RuntimeEntity } from '../claims/runtime-types';
import { isStopWord, stemWord } from './terms';
import { tokenize, type Token } from './tokenize';

/** One word of an alias pattern. */
interface AliasPart {
  /** "n:" + folded word (names, stop words) or "s:" + stem (ordinary words). */
  key: string;
  /** The text's word must be capitalised as well. */
  cap: boolean;
}

interface AliasPattern {
  entityId: string;
  parts: AliasPart[];
}

/** Aliases of many entities, indexed by the key of their first word. */
export interface EntityIndex {
  byFirstKey: Map<string, AliasPattern[]>;
  /**
   * The first words of all aliases, folded or stemmed, without the key
   * prefix: most page words start no alias, and this rejects them without
   * building two key strings per word.
   */
  firstWords: Set<string>;
  /** Display names by entity id. */
  names: Map<string, string>;
  /** The folded words of each entity's name and aliases, by entity id: the qualifiers a one-word alias may take. */
  ownWords: Map<string, Set<string>>;
}

/** One occurrence of an entity in a token list: tokens [first, last] inclusive. */
export interface EntityHit {
  entityId: string;
  first: number;
  last: number;
}

/**
 * The pattern word for one alias word. Capitalised stop words ("The" in
 * "The Times") need no capital in the text, except acronyms ("US", "IT"),
 * which would otherwise match the pronoun or the word.
 */
function partOf(token: Token, raw: string): AliasPart {
  const acronym = raw.length > 1 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw);
  if (token.cap || isStopWord(token.norm) || /[\d.]/.test(token.norm)) {
    return { key: `n:${token.norm}`, cap: token.cap && (acronym || !isStopWord(token.norm)) };
  }
  return { key: `s:${stemWord(token.norm)}`, cap: false };
}

/**
 * Compiles the names and aliases of `entities` into an index. Entities with
 * the same id are merged, so claims may repeat them freely.
 */
export function compileEntities(entities: Iterable<RuntimeEntity>): EntityIndex {
  const byFirstKey = new Map<string, AliasPattern[]>();
  const firstWords = new Set<string>();
  const names = new Map<string, string>();
  const ownWords = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const entity of entities) {
    if (!names.has(entity.id)) names.set(entity.id, entity.name);
    const words = ownWords.get(entity.id) ?? new Set<string>();
    ownWords.set(entity.id, words);
    for (const alias of [entity.name, ...entity.aliases]) {
      const tokens = tokenize(alias);
      for (const t of tokens) words.add(t.norm);
      const parts = tokens.map((t) => partOf(t, alias.slice(t.start, t.end)));
      const signature = `${entity.id}\u0000${parts.map((p) => `${p.key}${p.cap ? '^' : ''}`).join(' ')}`;
      if (parts.length === 0 || seen.has(signature)) continue;
      seen.add(signature);
      const key = parts[0]!.key;
      firstWords.add(key.slice(2));
      const list = byFirstKey.get(key) ?? [];
      list.push({ entityId: entity.id, parts });
      byFirstKey.set(key, list);
    }
  }
  // Longest aliases first, so that "Vice President Pence" wins over "Pence" at the same place.
  for (const list of byFirstKey.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return { byFirstKey, firstWords, names, ownWords };
}

/** True for an alias of one ordinary (lower-case) word, such as "envoy". */
function isCommonNoun(pattern: AliasPattern): boolean {
  return pattern.parts.length === 1 && pattern.parts[0]!.key.startsWith('s:');
}

function partMatches(part: AliasPart, token: Token): boolean {
  if (part.cap && !token.cap) return false;
  return part.key.startsWith('n:') ? part.key.slice(2) === token.norm : part.key.slice(2) === stemWord(token.norm);
}

/**
 * Finds entity mentions in `tokens[from, to)`. At each position every
 * entity's longest alias is taken; different entities may overlap
 * ("Russia's ambassador" can be both Russia and its ambassador).
 * `mayStart(i)`, when given, must say whether token i's word (or its stem)
 * is in `index.firstWords`: the matcher knows it from its word cache
 * (term-table.ts) and saves the lookups here.
 */
export function findEntities(index: EntityIndex, tokens: Token[], from = 0, to = tokens.length, mayStart?: (i: number) => boolean): EntityHit[] {
  const hits: EntityHit[] = [];
  // Where each entity's last hit ended, so a shorter alias inside a longer one is not counted twice.
  const coveredUntil = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (mayStart ? !mayStart(i) : !index.firstWords.has(token.norm) && !index.firstWords.has(stemWord(token.norm))) continue;
    const byName = index.byFirstKey.get(`n:${token.norm}`);
    const byStem = index.byFirstKey.get(`s:${stemWord(token.norm)}`);
    // Both lists are sorted longest first; merge them only in the rare case that both exist.
    const candidates = byName && byStem ? [...byName, ...byStem].sort((a, b) => b.parts.length - a.parts.length) : byName ?? byStem;
    if (!candidates) continue;
    const qualifier = i > from && tokens[i - 1]!.cap && !isStopWord(tokens[i - 1]!.norm) ? tokens[i - 1]!.norm : null;
    for (const pattern of candidates) {
      if ((coveredUntil.get(pattern.entityId) ?? -1) >= i) continue;
      if (qualifier !== null && isCommonNoun(pattern) && !index.ownWords.get(pattern.entityId)!.has(qualifier)) continue;
      const last = i + pattern.parts.length - 1;
      if (last >= to) continue;
      let ok = true;
      for (let j = 0; j < pattern.parts.length && ok; j++) ok = partMatches(pattern.parts[j]!, tokens[i + j]!);
      if (!ok) continue;
      hits.push({ entityId: pattern.entityId, first: i, last });
      coveredUntil.set(pattern.entityId, last);
    }
  }
  return hits;
}
