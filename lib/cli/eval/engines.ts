/**
 * The retrieval systems the evaluation compares, behind one interface:
 * Claimlens's own ranker (lib/match), the plain BM25 baseline, and two
 * off-the-shelf JavaScript search libraries with sensible, mostly default
 * configurations. Every system sees the same claims and the same fields.
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { MatchableClaim } from '../../claims/runtime-types';
import { createMatcher } from '../../match/matcher';
import { STOP_WORDS } from '../../match/terms';
import { claimDocument, createPlainBm25, type Retriever } from './bm25-baseline';

/** A named retrieval system: builds a retriever for a claim pool. */
export interface Engine {
  name: string;
  build(claims: readonly MatchableClaim[]): Retriever;
  /** True when the retriever reads a query's context (its date); it is then also scored with it. */
  readsContext?: boolean;
}

/** Claimlens's ranker: createMatcher(claims).rank, which reads claim, paraphrases, title and summary. */
export const claimlensEngine: Engine = {
  name: 'Claimlens',
  readsContext: true,
  build(claims) {
    const matcher = createMatcher([...claims]);
    return { rank: (query, k, context) => matcher.rank(query, k, context).map((r) => r.claimId) };
  },
};

/** Plain BM25 over all fields concatenated (bm25-baseline.ts). */
export const plainBm25Engine: Engine = { name: 'BM25 (plain)', build: createPlainBm25 };

/**
 * A MiniSearch 7 index of claims: the claim (with its paraphrases), the title
 * and the summary as fields with the library's default weights, stop words
 * dropped. The eval and the bench share it so both measure the same peer.
 */
export function buildMiniSearchIndex(
  claims: readonly MatchableClaim[],
  searchOptions: ConstructorParameters<typeof MiniSearch>[0]['searchOptions'] = undefined,
): MiniSearch<{ id: number; text: string; title: string; summary: string }> {
  const index = new MiniSearch<{ id: number; text: string; title: string; summary: string }>({
    fields: ['text', 'title', 'summary'],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return STOP_WORDS.has(t) ? null : t;
    },
    ...(searchOptions ? { searchOptions } : {}),
  });
  index.addAll(claims.map((c, id) => ({ id, text: [c.text, ...c.paraphrases].join('\n'), title: c.title ?? '', summary: c.summary ?? '' })));
  return index;
}

/**
 * MiniSearch 7 (BM25+ scoring): the claim, the title and the summary as
 * separate fields with the library's default weights, OR queries, stop
 * words dropped, no fuzzy or prefix matching (both only add noise on full
 * sentences).
 */
export const miniSearchEngine: Engine = {
  name: 'MiniSearch',
  build(claims) {
    const index = buildMiniSearchIndex(claims);
    return {
      rank: (query, k) =>
        index
          .search(query, { combineWith: 'OR' })
          .slice(0, k)
          .map((r) => claims[r.id as number]!.id),
    };
  },
};

/**
 * FlexSearch 0.8: one index over all fields concatenated, with the default
 * options and encoder plus the same stop words, and suggest mode so that a
 * query need not match every word. FlexSearch ranks by where terms occur,
 * not by how rare they are; of its presets, this scored best on the
 * training queries of both tasks.
 */
export const flexSearchEngine: Engine = {
  name: 'FlexSearch',
  build(claims) {
    const encoder = new FlexSearch.Encoder({ ...FlexSearch.Charset.Default, filter: new Set(STOP_WORDS) });
    const index = new FlexSearch.Index({ encoder });
    claims.forEach((c, id) => index.add(id, claimDocument(c)));
    return {
      rank: (query, k) => (index.search(query, { limit: k, suggest: true }) as number[]).map((id) => claims[id]!.id),
    };
  },
};

/** Every engine of the comparison, Claimlens last so that its column sits beside the baselines. */
export const ENGINES: readonly Engine[] = [plainBm25Engine, miniSearchEngine, flexSearchEngine, claimlensEngine];
