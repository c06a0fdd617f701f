/**
 * What the bench measures on: real pages, read once through the content
 * script's own path (gate → article root → text model, in jsdom), and claim
 * pools of 1k, 10k and 100k claims built from the real CheckThat! pools, with
 * synthetic filler (labelled) above the 33k real claims.
 *
 * Every pool starts with the bundled packs' claims, so the seed page really
 * annotates something at every scale; the real claims are interleaved 2A,
 * 2B, 2A, … so that both sources are in the small pools too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { compilePacks } from '../../claims/compile';
import type { MatchableClaim, RuntimeClaim } from '../../claims/runtime-types';
import { articleSignal, type ArticleSignal } from '../../page/article-gate';
import { findArticleRoot } from '../../page/article-root';
import { buildTextModel } from '../../page/text-model';
import { readPackFiles } from '../../build/read-packs';
import { PROJECT_ROOT } from '../bundled-index';
import { readClaimPool, readQrels, readQueries } from '../eval/checkthat';
import { SYNTHETIC_PACK_ID, syntheticPack } from '../synthetic-pack';
import { median, timed } from './stats';

/** The shared material beside the project root (tests/support/shared.ts uses the same place). */
export const DEFAULT_SHARED_DIR = path.resolve(PROJECT_ROOT, '../shared');

/** One page, read once. */
export interface BenchPage {
  name: string;
  /** news-pages/index.json category, or "seed" for the seed article. */
  category: string;
  htmlFile: string;
  htmlBytes: number;
  /** Text of the article root's text model (the whole body when no root is found). */
  text: string;
  /** The gate's verdict in jsdom; null means the content script stops there. */
  signal: ArticleSignal | null;
  /** Median time of articleSignal() in jsdom, ms. */
  gateMs: number;
}

/** Options of {@link readPages}. */
export interface ReadPagesOptions {
  /** Keep only pages whose name passes (the seed is always kept). */
  filter?: (name: string) => boolean;
  /** Timed runs of the gate per page. */
  gateRuns?: number;
}

interface PageIndexEntry {
  name: string;
  category: string;
}

/**
 * Stylesheets are emptied before parsing: jsdom parses CSS eagerly and
 * slowly, and nothing on the text path reads styles (skip rules and the
 * gate look at tags, attributes and inline style only).
 */
function withoutStyleSheets(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style></style>');
}

/** Reads one page through the content script's path and times its gate. */
export function readPage(name: string, category: string, htmlFile: string, gateRuns = 5): BenchPage {
  const html = readFileSync(htmlFile, 'utf8');
  const dom = new JSDOM(withoutStyleSheets(html), { url: 'http://127.0.0.1/', virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const signal = articleSignal(doc); // warm-up, and the verdict
    const gateTimes = Array.from({ length: gateRuns }, () => timed(() => articleSignal(doc)).ms);
    // Matching is measured on every page, also those the gate would skip, so
    // that the sample covers all page sizes; the body stands in for a missing root.
    const root = findArticleRoot(doc) ?? doc.body;
    const text = root ? buildTextModel(root).text : '';
    return { name, category, htmlFile, htmlBytes: Buffer.byteLength(html), text, signal, gateMs: median(gateTimes) };
  } finally {
    dom.window.close();
  }
}

/** The seed article and the news pages (sorted by name), read once each. */
export function readPages(sharedDir: string, options: ReadPagesOptions = {}): BenchPage[] {
  const pagesDir = path.join(sharedDir, 'data/news-pages');
  const index = JSON.parse(readFileSync(path.join(pagesDir, 'index.json'), 'utf8')) as PageIndexEntry[];
  const categories = new Map(index.map((p) => [p.name, p.category]));
  const names = readdirSync(pagesDir)
    .filter((name) => existsSync(path.join(pagesDir, name, 'source.html')))
    .filter((name) => options.filter?.(name) ?? true)
    .sort();
  const pages = [readPage('seed', 'seed', path.join(sharedDir, 'fixtures/seed-article/index.html'), options.gateRuns)];
  for (const name of names) {
    pages.push(readPage(name, categories.get(name) ?? 'unknown', path.join(pagesDir, name, 'source.html'), options.gateRuns));
  }
  return pages;
}

/** The claims of the bundled packs (assets/claims), compiled as the build compiles them. */
export function bundledClaims(): RuntimeClaim[] {
  return compilePacks(readPackFiles({ root: PROJECT_ROOT, env: {} })).index.body.claims;
}

/** The real claim pools: CheckThat! 2A (Snopes) and 2B (PolitiFact). */
export interface RealPools {
  a2: MatchableClaim[];
  b2: MatchableClaim[];
}

/** Reads both CheckThat! pools from the shared data. */
export function readRealPools(sharedDir: string): RealPools {
  return {
    a2: readClaimPool(path.join(sharedDir, 'data/checkthat/2a/vclaims.jsonl')),
    b2: readClaimPool(path.join(sharedDir, 'data/checkthat/2b/politifact-vclaims.jsonl')),
  };
}

/** A claim pool of a given size. */
export interface ClaimPool {
  size: number;
  claims: MatchableClaim[];
  /** How many of `claims` are synthetic filler (ids `synthetic-filler:…`). */
  synthetic: number;
}

/** 2A and 2B claims alternately, then the rest of the longer pool. */
function interleave(a: readonly MatchableClaim[], b: readonly MatchableClaim[]): MatchableClaim[] {
  const out: MatchableClaim[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

/**
 * A pool of exactly `size` claims: the bundled claims, then real claims,
 * then synthetic filler generated deterministically from the real texts
 * (lib/cli/synthetic-pack.ts: halves of two real claims spliced together).
 */
export function buildPool(size: number, bundled: readonly MatchableClaim[], real: RealPools): ClaimPool {
  const realClaims = interleave(real.a2, real.b2);
  const claims: MatchableClaim[] = [...bundled, ...realClaims].slice(0, size);
  const fill = size - claims.length;
  if (fill > 0) {
    const pack = syntheticPack(realClaims.map((c) => c.text), fill);
    for (const c of pack.claims) claims.push({ id: c.id, text: c.text, paraphrases: [], entities: [] });
  }
  return { size, claims, synthetic: Math.max(0, fill) };
}

/** True for a claim id made by the synthetic filler. */
export function isSynthetic(claimId: string): boolean {
  return claimId.startsWith(`${SYNTHETIC_PACK_ID}:`);
}

/** A retrieval query with its gold claims. */
export interface BenchQuery {
  id: string;
  text: string;
  relevant: string[];
}

/** CheckThat! 2A devtest: the queries that have gold, with their relevant claim ids. */
export function readDevtest(sharedDir: string): BenchQuery[] {
  const dir = path.join(sharedDir, 'data/checkthat/2a');
  const texts = readQueries(path.join(dir, 'devtest.queries.tsv'));
  return [...readQrels(path.join(dir, 'devtest.qrels.tsv'))].map(([id, relevant]) => {
    const text = texts.get(id);
    if (text === undefined) throw new Error(`2A devtest: query ${id} has gold but no text — the shared data is broken`);
    return { id, text, relevant };
  });
}
