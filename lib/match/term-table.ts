/**
 * Integer ids for terms, and a cache from page words to them.
 *
 * Matching a page looks up every word of every sentence. Comparing term
 * strings in Maps (and stemming, and testing stop words and entity aliases)
 * for each of them cost more than finding the words; here each distinct
 * folded word is analysed once per matcher and every later occurrence costs
 * one Map lookup that yields an integer, which the hot loops use to index
 * typed arrays (as uBlock Origin does with its token hashes).
 *
 * Ids below `fixed` are the claims' terms and the key entities' concept
 * terms, known when the matcher is built. Words of pages that no claim
 * holds still need ids of their own (a sentence's weight counts each
 * distinct term once, known or not), so they get ids above `fixed`; those
 * are forgotten, with the word cache, once there are too many of them.
 */
import type { EntityIndex } from './entities';
import { sentenceTermWeight } from './focus';
import { stemWord, termOf } from './terms';
import type { TermWeights } from './weights';

/** Page words and page terms kept before the cache starts over (checked between pages). */
const PAGE_TERM_LIMIT = 50_000;

/** Letters per integer key (lettersKey); 27^6 stays a small integer. */
const KEY_LETTERS = 6;
/**
 * Words of up to this many letters a…z have a pair of integer keys, their
 * first KEY_LETTERS letters and the rest: nearly every word of a page
 * (longer words and words with other characters go to a Map).
 */
const KEYED_WORD = 2 * KEY_LETTERS;
/** Slots of the keyed-word table (a power of two); it is kept at most half full. */
const KEYED_BITS = 16;
const KEYED_SLOTS = 1 << KEYED_BITS;

/** The letters a…z of word[from, to) as base-27 digits 1…26 (distinct for up to KEY_LETTERS letters; 0 for none), or -1 when it holds anything else. */
function lettersKey(word: string, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) {
    const c = word.charCodeAt(i) - 96;
    if (c < 1 || c > 26) return -1;
    key = key * 27 + c;
  }
  return key;
}

/**
 * What wordInfo says about a folded word, packed in one integer:
 * `(termId + 1) * 2 + (may start an alias ? 1 : 0)`; a term id of -1 means
 * the word gives no term (a stop word, a single letter, a bare number).
 */
export type WordInfo = number;

/** The term id in a WordInfo, or -1. */
export const termIdOf = (info: WordInfo): number => (info >> 1) - 1;

/** True when the word of a WordInfo may start an entity alias, so the sentence needs findEntities. */
export const mayStartAlias = (info: WordInfo): boolean => (info & 1) === 1;

/** Term ids of one matcher; see the module comment. */
export class TermTable {
  /** Term string by id. */
  readonly terms: string[] = [];
  /** Number of ids fixed at build time; page terms come after. */
  fixed = 0;
  /** sentenceTermWeight of each term, by id (grown as page terms arrive). */
  sentenceWeights = new Float64Array(1024);
  private readonly ids = new Map<string, number>();
  private readonly words = new Map<string, WordInfo>();
  /** Keyed words' two keys and WordInfo, four ints a slot (see wordInfo); a first key of 0 marks a free slot. */
  private readonly keyed = new Int32Array(4 * KEYED_SLOTS);
  private keyedCount = 0;

  constructor(
    private readonly weights: TermWeights,
    private readonly entities: EntityIndex,
  ) {}

  /** The id of `term`, added if it is new. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (id >= this.sentenceWeights.length) {
        const grown = new Float64Array(this.sentenceWeights.length * 2);
        grown.set(this.sentenceWeights);
        this.sentenceWeights = grown;
      }
      this.sentenceWeights[id] = sentenceTermWeight(term, this.weights);
    }
    return id;
  }

  /** The id of `term` when it is known, or -1 (never adds one). */
  find(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** Ends the build: the ids given so far are the fixed ones. */
  freeze(): void {
    this.fixed = this.terms.length;
  }

  /**
   * The term id and alias flag of a folded page word (see WordInfo),
   * analysed once and then cached. Words of plain letters, most of a
   * page, are cached under two integers made of their letters in a flat
   * table: looking one up costs a fraction of hashing and comparing a new
   * string in a Map.
   */
  wordInfo(norm: string): WordInfo {
    const length = norm.length;
    if (length <= KEYED_WORD) {
      const hi = lettersKey(norm, 0, Math.min(length, KEY_LETTERS));
      const lo = length > KEY_LETTERS ? lettersKey(norm, KEY_LETTERS, length) : 0;
      if (hi > 0 && lo >= 0) {
        // Open addressing, keys and value side by side: one cache line per lookup, even when the table is cold.
        const table = this.keyed;
        let slot = Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x9e3779b1) >>> (32 - KEYED_BITS);
        for (let k = table[4 * slot]!; k !== 0; k = table[4 * slot]!) {
          if (k === hi && table[4 * slot + 1] === lo) return table[4 * slot + 2]!;
          slot = (slot + 1) & (KEYED_SLOTS - 1);
        }
        const info = this.analyseWord(norm);
        if (this.keyedCount < KEYED_SLOTS / 2) {
          table[4 * slot] = hi;
          table[4 * slot + 1] = lo;
          table[4 * slot + 2] = info;
          this.keyedCount++;
          return info;
        }
        // Full until the next trim: the string cache below takes the word.
      }
    }
    let info = this.words.get(norm);
    if (info === undefined) this.words.set(norm, (info = this.analyseWord(norm)));
    return info;
  }

  private analyseWord(norm: string): WordInfo {
    const term = termOf(norm);
    const id = term === null ? -1 : this.idOf(term);
    const first = this.entities.firstWords;
    const alias = first.size > 0 && (first.has(norm) || first.has(stemWord(norm)));
    return (id + 1) * 2 + (alias ? 1 : 0);
  }

  /**
   * Forgets page words and page terms when there are too many. Call it
   * between pages only: ids handed out during a page must stay distinct.
   */
  trim(): void {
    const full = this.keyedCount >= KEYED_SLOTS / 2 || this.words.size >= PAGE_TERM_LIMIT;
    if (!full && this.terms.length - this.fixed < PAGE_TERM_LIMIT) return;
    this.words.clear();
    this.keyed.fill(0);
    this.keyedCount = 0;
    for (let id = this.fixed; id < this.terms.length; id++) this.ids.delete(this.terms[id]!);
    this.terms.length = this.fixed;
  }
}
