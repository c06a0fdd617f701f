/**
 * The terms of one sentence, as analyzeTokens (analyze.ts) gives them but
 * in reusable integer arrays: the matcher analyses every sentence of every
 * page, and most sentences meet no claim at all, so this step must cost
 * no Map, no string building and no allocation per sentence.
 *
 * The terms are kept in analyzeTokens's order (entity concepts first, in
 * the order of their hits, then content words in text order, each term
 * once), because scoring sums weights in that order and must give the
 * same floating-point results to the last bit.
 */
import { entityTerm } from './analyze';
import { findEntities, type EntityHit, type EntityIndex } from './entities';
import { mayStartAlias, termIdOf, type TermTable } from './term-table';
import type { Token } from './tokenize';

/** Grows a typed array to hold at least `size` elements, keeping its contents. */
function grow<T extends Int32Array | Uint32Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

const NO_HITS: EntityHit[] = [];

/** Scratch analysis of the current sentence; see the module comment. */
export class SentenceTerms {
  /** Term ids by ordinal (position in the sentence's term order). */
  ids = new Int32Array(256);
  /** Index (into the token array) of each term's first occurrence, by ordinal. */
  firstToken = new Int32Array(256);
  /** Number of distinct terms. */
  count = 0;
  /** Entity mentions found, in order. */
  hits: EntityHit[] = NO_HITS;
  /**
   * Per term id: the sentence that last held it (slot 2 * id) and its
   * ordinal there (slot 2 * id + 1), side by side so that scoring's
   * has() then ordinal() on the same term read one cache line, not two
   * arrays' worth.
   */
  private termSlots = new Uint32Array(2048);
  private stamp = 0;
  private infos = new Int32Array(256);
  private covered = new Uint8Array(256);

  /** Analyses `tokens[from, to)`: entity concepts first, then the content words outside them. */
  analyse(tokens: Token[], from: number, to: number, table: TermTable, entities: EntityIndex): void {
    // Most sentences name no entity: their terms are the content words in
    // text order, found in one pass. A word that may start an alias sends
    // the sentence to the full analysis instead.
    this.start();
    for (let i = from; i < to; i++) {
      const info = table.wordInfo(tokens[i]!.norm);
      if (mayStartAlias(info)) {
        this.analyseWithEntities(tokens, from, to, table, entities);
        return;
      }
      const id = termIdOf(info);
      if (id >= 0) this.add(id, i);
    }
  }

  private start(): void {
    this.stamp++;
    this.count = 0;
    this.hits = NO_HITS;
  }

  private analyseWithEntities(tokens: Token[], from: number, to: number, table: TermTable, entities: EntityIndex): void {
    this.start();
    const n = to - from;
    if (this.infos.length < n) {
      this.infos = grow(this.infos, n);
      this.covered = new Uint8Array(this.infos.length);
    }
    for (let i = 0; i < n; i++) this.infos[i] = table.wordInfo(tokens[from + i]!.norm);
    this.hits = findEntities(entities, tokens, from, to, (i) => mayStartAlias(this.infos[i - from]!));
    for (const hit of this.hits) {
      for (let i = hit.first; i <= hit.last; i++) this.covered[i - from] = 1;
      this.add(table.find(entityTerm(hit.entityId)), hit.first);
    }
    for (let i = 0; i < n; i++) {
      if (this.covered[i] === 1) continue;
      const id = termIdOf(this.infos[i]!);
      if (id >= 0) this.add(id, from + i);
    }
    if (this.hits.length > 0) this.covered.fill(0, 0, n);
  }

  /** True when the current sentence holds term `id`. */
  has(id: number): boolean {
    return this.termSlots[2 * id] === this.stamp;
  }

  /** Ordinal of term `id` in the current sentence (valid only when has(id)). */
  ordinal(id: number): number {
    return this.termSlots[2 * id + 1]!;
  }

  private add(id: number, token: number): void {
    const slot = 2 * id;
    // A page word given a new id: make room (ids only grow within a page).
    if (slot >= this.termSlots.length) this.termSlots = grow(this.termSlots, slot + 2);
    if (this.termSlots[slot] === this.stamp) return;
    this.termSlots[slot] = this.stamp;
    this.termSlots[slot + 1] = this.count;
    if (this.count >= this.ids.length) {
      this.ids = grow(this.ids, this.count + 1);
      this.firstToken = grow(this.firstToken, this.count + 1);
    }
    this.ids[this.count] = id;
    this.firstToken[this.count] = token;
    this.count++;
  }
}
