/**
 * The matchers compared side by side, behind one interface: Claimlens
 * (lib/match), and three ways a developer could build the same feature
 * without it: MiniSearch, FlexSearch, and a naive scan of every claim.
 *
 * The peers annotate the way a reasonable first version would: split the
 * page with the same sentence splitter as Claimlens (so every matcher sees
 * the same units), query the index with each sentence, and annotate the top
 * hit when it passes a threshold. Search scores are not comparable across
 * queries (BM25 sums grow with the query's length), so the threshold is the
 * unweighted twin of Claimlens's decision: the hit must share at least 60%
 * of its claim's words, and at least four of them.
 */
import FlexSearch from 'flexsearch';
import type { MatchableClaim } from '../../claims/runtime-types';
import { createMatcher, MAX_SENTENCE_TOKENS, MIN_SENTENCE_TOKENS, splitSentences } from '../../match/matcher';
import { STOP_WORDS } from '../../match/terms';
import { buildMiniSearchIndex } from '../eval/engines';

/** A matcher under test. */
export interface BenchMatcher {
  /** Annotates a page's text; returns how many annotations it made. */
  annotate(text: string): number;
  /** The ids of the k best claims for a query, best first. */
  rank(query: string, k: number): string[];
}

/** A named way to build a matcher from claims. */
export interface MatcherKind {
  name: string;
  build(claims: readonly MatchableClaim[]): BenchMatcher;
}

/** The peers' decision: share ≥ 60% of the claim's words, and ≥ 4 words. */
const MIN_COVERAGE = 0.6;
const MIN_SHARED = 4;

/** Lower-cased words of letters and digits, stop words dropped (what the peers index). */
export function plainWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
}

/** Everything a peer indexes for a claim: its wordings, and the fact-check's title and summary. */
function claimDocument(claim: MatchableClaim): string {
  return [claim.text, ...claim.paraphrases, claim.title ?? '', claim.summary ?? ''].join('\n');
}

/** The sentences of a page that any matcher would consider, by the same length rule as Claimlens. */
export function candidateSentences(text: string): string[] {
  const out: string[] = [];
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end);
    const words = sentence.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (words >= MIN_SENTENCE_TOKENS && words <= MAX_SENTENCE_TOKENS) out.push(sentence);
  }
  return out;
}

/** True when `sentenceWords` covers enough of the claim's wording words. */
function passes(claimWords: ReadonlySet<string>, sentenceWords: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const w of claimWords) if (sentenceWords.has(w)) shared++;
  return shared >= MIN_SHARED && shared >= MIN_COVERAGE * claimWords.size;
}

/** Distinct words of each claim's wordings (claim text and paraphrases), for the peers' decision. */
function wordingWords(claims: readonly MatchableClaim[]): Set<string>[] {
  return claims.map((c) => new Set(plainWords([c.text, ...c.paraphrases].join('\n'))));
}

/** Claimlens: createMatcher(claims).match and .rank, exactly as the extension and the eval call them. */
export const claimlensKind: MatcherKind = {
  name: 'Claimlens',
  build(claims) {
    const matcher = createMatcher([...claims]);
    return {
      annotate: (text) => matcher.match(text).length,
      rank: (query, k) => matcher.rank(query, k).map((r) => r.claimId),
    };
  },
};

/**
 * MiniSearch 7 (BM25+): claim, title and summary as fields with default
 * boosts, stop words dropped, OR queries, no prefix or fuzzy search (both
 * only add noise and time on whole sentences).
 */
export const miniSearchKind: MatcherKind = {
  name: 'MiniSearch',
  build(claims) {
    const index = buildMiniSearchIndex(claims, { combineWith: 'OR', prefix: false, fuzzy: false });
    const words = wordingWords(claims);
    return {
      annotate(text) {
        let n = 0;
        for (const sentence of candidateSentences(text)) {
          const top = index.search(sentence)[0];
          if (top && passes(words[top.id as number]!, new Set(plainWords(sentence)))) n++;
        }
        return n;
      },
      rank: (query, k) => index.search(query).slice(0, k).map((r) => claims[r.id as number]!.id),
    };
  },
};

/**
 * FlexSearch 0.8: one index over the claim document, whole-word tokens
 * ("strict"; queries are sentences, not prefixes typed in a box), the
 * LatinBalance encoder, and suggest mode so that a hit need not hold every
 * word of the sentence. FlexSearch returns no scores: its first id is the hit.
 */
export const flexSearchKind: MatcherKind = {
  name: 'FlexSearch',
  build(claims) {
    const index = new FlexSearch.Index({ tokenize: 'strict', encoder: 'LatinBalance', resolution: 9 });
    claims.forEach((c, id) => index.add(id, claimDocument(c)));
    const words = wordingWords(claims);
    const search = (query: string, k: number) => index.search(query, { limit: k, suggest: true }) as number[];
    return {
      annotate(text) {
        let n = 0;
        for (const sentence of candidateSentences(text)) {
          const top = search(sentence, 1)[0];
          if (top !== undefined && passes(words[top]!, new Set(plainWords(sentence)))) n++;
        }
        return n;
      },
      rank: (query, k) => search(query, k).map((id) => claims[id]!.id),
    };
  },
};

/** Flat word-id lists: the words of item i are ids[offsets[i] … offsets[i+1]). */
interface WordLists {
  ids: Int32Array;
  offsets: Int32Array;
}

function wordLists(texts: readonly string[], vocab: Map<string, number>): WordLists {
  const ids: number[] = [];
  const offsets = new Int32Array(texts.length + 1);
  texts.forEach((text, i) => {
    for (const w of new Set(plainWords(text))) {
      let id = vocab.get(w);
      if (id === undefined) vocab.set(w, (id = vocab.size));
      ids.push(id);
    }
    offsets[i + 1] = ids.length;
  });
  return { ids: Int32Array.from(ids), offsets };
}

/**
 * The naive scan: for every sentence, count the words it shares with every
 * claim (no index at all), and annotate the best claim that passes the
 * peers' threshold. Ranking orders claims by shared words over the whole
 * claim document. Word ids and a stamp array keep it as fast as a scan can be.
 */
export const naiveKind: MatcherKind = {
  name: 'Naive scan',
  build(claims) {
    const vocab = new Map<string, number>();
    const wordings = wordLists(claims.map((c) => [c.text, ...c.paraphrases].join('\n')), vocab);
    const documents = wordLists(claims.map(claimDocument), vocab);
    const stamp = new Uint32Array(vocab.size);
    let current = 0;
    /** Marks the query's known words with a fresh stamp. */
    const mark = (text: string) => {
      current++;
      for (const w of plainWords(text)) {
        const id = vocab.get(w);
        if (id !== undefined) stamp[id] = current;
      }
    };
    const shared = (lists: WordLists, i: number) => {
      let n = 0;
      for (let j = lists.offsets[i]!; j < lists.offsets[i + 1]!; j++) if (stamp[lists.ids[j]!] === current) n++;
      return n;
    };
    return {
      annotate(text) {
        let n = 0;
        for (const sentence of candidateSentences(text)) {
          mark(sentence);
          let best = 0;
          for (let i = 0; i < claims.length; i++) {
            const size = wordings.offsets[i + 1]! - wordings.offsets[i]!;
            const s = shared(wordings, i);
            if (s >= MIN_SHARED && s >= MIN_COVERAGE * size) best = Math.max(best, s / size);
          }
          if (best > 0) n++;
        }
        return n;
      },
      rank(query, k) {
        mark(query);
        const top: { i: number; s: number }[] = [];
        for (let i = 0; i < claims.length; i++) {
          const s = shared(documents, i);
          if (s === 0 || (top.length === k && s <= top[k - 1]!.s)) continue;
          top.push({ i, s });
          top.sort((a, b) => b.s - a.s || a.i - b.i);
          if (top.length > k) top.pop();
        }
        return top.map(({ i }) => claims[i]!.id);
      },
    };
  },
};

/** Every matcher of the comparison, Claimlens first. */
export const MATCHER_KINDS: readonly MatcherKind[] = [claimlensKind, miniSearchKind, flexSearchKind, naiveKind];
