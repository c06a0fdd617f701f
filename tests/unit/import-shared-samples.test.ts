// The shared ClaimReview / Fact Check Tools / CheckThat! samples, read in place, through
// import → compilePacks → JSON.stringify → loadIndex, with counts checked against counts
// computed independently from the raw input.
import { describe, expect, it } from 'vitest';
import { compilePacks } from '../../lib/claims/compile';
import { importInput, parseImportText, type ImportResult } from '../../lib/claims/importers';
import { loadIndex } from '../../lib/claims/load-index';
import type { RuntimeIndex } from '../../lib/claims/runtime-types';
import { validatePack } from '../../lib/claims/validate';
import { HAS_SHARED } from '../support/shared';
import { CHECKTHAT_DIR, CLAIMREVIEW_DIR, lostLeaves, NOW, readShared, SHARED_NOTE } from './import-helpers';

type Raw = Record<string, unknown>;

/** The value at a path of keys in raw JSON, or undefined. */
function get(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = current !== null && typeof current === 'object' ? (current as Raw)[key] : undefined;
  return current;
}

/** Imports a shared file, asserts the pack is valid, and round-trips it through the compiled index. */
function importAndRoundTrip(dir: string, name: string): { result: ImportResult; index: RuntimeIndex; warnings: number } {
  const result = importInput(parseImportText(readShared(dir, name)));
  const validation = validatePack(result.pack, name, { now: NOW });
  expect(validation.errors).toEqual([]);
  const { index } = compilePacks([{ file: name, pack: result.pack }], { now: NOW });
  return { result, index: loadIndex(JSON.stringify(index)), warnings: validation.warnings.length };
}

/** Claims, reviews, stances and appearances in a loaded index. */
function indexCounts(index: RuntimeIndex): Record<string, number> {
  const claims = index.body.claims;
  const sum = (f: (c: (typeof claims)[number]) => number): number => claims.reduce((n, c) => n + f(c), 0);
  return { claims: claims.length, reviews: sum((c) => c.reviews.length), stances: sum((c) => c.stances.length), appearances: sum((c) => c.appearances.length) };
}

function readJsonl(dir: string, name: string): Raw[] {
  return readShared(dir, name).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Raw);
}

describe.skipIf(!HAS_SHARED)(`shared ClaimReview samples${SHARED_NOTE}`, () => {
  it('imports the schema.org example (PolitiFact / Rick Perry) with claimant, role and number-only rating', () => {
    const raw = JSON.parse(readShared(CLAIMREVIEW_DIR, 'schemaorg-issue1061-politifact-example.jsonld')) as Raw;
    const { result, index } = importAndRoundTrip(CLAIMREVIEW_DIR, 'schemaorg-issue1061-politifact-example.jsonld');
    expect(result.report.format).toBe('claimreview');
    expect(indexCounts(index)).toEqual({ claims: 1, reviews: 1, stances: 1, appearances: 1 });
    const claim = index.body.claims[0]!;
    expect(claim.text).toBe(raw.claimReviewed);
    expect(claim.stances[0]!.actor).toMatchObject({ name: 'Rich Perry', role: 'Former Governor of Texas', kind: 'person' }); // the source's typo, kept
    expect(claim.stances[0]!.source).toEqual({ outlet: get(raw, 'itemReviewed', 'name'), date: get(raw, 'itemReviewed', 'datePublished') });
    expect(claim.reviews[0]).toEqual({ publisher: 'politifact.com', rating: '1/6', normalizedRating: -1, url: raw.url, date: raw.datePublished });
    expect(lostLeaves(raw, result.pack.claims[0]!, result.pack)).toEqual([]);
  });

  it('imports the real AFP record (@graph form)', () => {
    const raw = JSON.parse(readShared(CLAIMREVIEW_DIR, 'afp-factcheck-claimreview-jsonld.real.json')) as Raw;
    const node = get(raw, '@graph', '0') as Raw;
    const { result, index } = importAndRoundTrip(CLAIMREVIEW_DIR, 'afp-factcheck-claimreview-jsonld.real.json');
    expect(indexCounts(index)).toEqual({ claims: 1, reviews: 1, stances: 1, appearances: 1 });
    const claim = index.body.claims[0]!;
    expect(claim.reviews[0]).toEqual({ publisher: get(node, 'author', 'name'), rating: 'FALSE', normalizedRating: -1, url: node.url, date: '2021-01-05' });
    expect(claim.stances[0]!.source).toEqual({ outlet: 'blog.naver.com', url: get(node, 'itemReviewed', 'url'), date: '2020-12-30' });
    expect(lostLeaves(node, result.pack.claims[0]!, result.pack)).toEqual([]);
  });

  it('imports the real Fact Check Tools response with every claim, review and claimant', () => {
    const raw = JSON.parse(readShared(CLAIMREVIEW_DIR, 'google-factchecktools-claims-search.real-response.json')) as Raw;
    const { result, index } = importAndRoundTrip(CLAIMREVIEW_DIR, 'google-factchecktools-claims-search.real-response.json');
    const claims = raw.claims as Raw[];
    expect(result.report.format).toBe('factcheck-tools');
    expect(indexCounts(index)).toEqual({
      claims: claims.length,
      reviews: claims.reduce((n, c) => n + (c.claimReview as Raw[]).filter((r) => r.textualRating).length, 0),
      stances: claims.filter((c) => c.claimant).length,
      appearances: 0,
    });
    expect(index.body.claims.map((c) => c.text)).toEqual(claims.map((c) => c.text));
    expect(result.pack.extra).toEqual({ responses: [{ at: '$', fields: { nextPageToken: raw.nextPageToken } }] });
    claims.forEach((c, i) => expect(lostLeaves(c, result.pack.claims[i]!, result.pack)).toEqual([]));
  });

  it('round-trips the 19,250 derived PolitiFact ClaimReviews with every count preserved and nothing lost', () => {
    const raw = readJsonl(CLAIMREVIEW_DIR, 'derived-politifact-claimreview.jsonl');
    const { result, index, warnings } = importAndRoundTrip(CLAIMREVIEW_DIR, 'derived-politifact-claimreview.jsonl');
    // Counted from the raw records, without the importer's code.
    const expected = {
      claims: raw.filter((r) => typeof r.claimReviewed === 'string').length,
      reviews: raw.filter((r) => get(r, 'reviewRating', 'alternateName')).length,
      stances: raw.filter((r) => get(r, 'itemReviewed', 'author', 'name')).length,
      appearances: raw.filter((r) => get(r, 'itemReviewed', 'appearance')).length,
    };
    expect(expected.claims).toBe(19_250);
    expect(indexCounts(index)).toEqual(expected);
    expect(index.body.packs[0]!.claimCount).toBe(19_250);
    expect(result.report.unnormalizedRatings).toBe(raw.filter((r) => /flip|flop/i.test(String(get(r, 'reviewRating', 'alternateName')))).length);
    expect(warnings).toBeGreaterThan(0); // repeated claim texts in PolitiFact's data: warnings, not errors
    const shown = index.body.claims.map((c) => [c.text, c.reviews[0]!.url, c.stances[0]!.actor.name]);
    expect(shown).toEqual(raw.map((r) => [String(r.claimReviewed).trim(), r.url, get(r, 'itemReviewed', 'author', 'name')]));
    const lost = raw.flatMap((r, i) => lostLeaves(r, result.pack.claims[i]!, result.pack).map((leaf) => `${i}: ${leaf}`));
    expect(lost).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED)(`shared CheckThat! pools${SHARED_NOTE}`, () => {
  it('imports the 2B pool exactly as its derived ClaimReview twin (same stances, reviews, appearances, retrieval fields)', () => {
    const fromPool = importInput(parseImportText(readShared(CHECKTHAT_DIR, '2b/politifact-vclaims.jsonl'))).pack;
    const fromClaimReview = importInput(parseImportText(readShared(CLAIMREVIEW_DIR, 'derived-politifact-claimreview.jsonl'))).pack;
    expect(validatePack(fromPool, '2b', { now: NOW }).errors).toEqual([]);
    expect(fromPool.claims).toHaveLength(19_250);
    const twins = new Map(fromClaimReview.claims.map((c) => [get(c.extra, 'x-derivedFrom', 'vclaim_id'), c]));
    // The derived file leaves the claim's date out where the pool gives it without a venue, so dates are compared apart.
    const same = (c: (typeof fromPool.claims)[number] | undefined): string => JSON.stringify([c?.text, c?.stances, c?.reviews, c?.appearances, { ...c?.retrieval, date: undefined }]);
    const differing = fromPool.claims.filter((c) => same(c) !== same(twins.get(c.sourceId))).map((c) => c.sourceId);
    expect(differing).toEqual([]);
    const dated = fromPool.claims.filter((c) => twins.get(c.sourceId)?.retrieval?.date !== undefined);
    expect(dated.length).toBeGreaterThan(18_000);
    expect(dated.filter((c) => c.retrieval?.date !== twins.get(c.sourceId)!.retrieval!.date)).toEqual([]);
    expect(fromPool.actors).toEqual(fromClaimReview.actors);
  });

  it('imports the 14,231-claim 2A pool with the vclaim ids recoverable', () => {
    const raw = readJsonl(CHECKTHAT_DIR, '2a/vclaims.jsonl');
    const { result, index } = importAndRoundTrip(CHECKTHAT_DIR, '2a/vclaims.jsonl');
    expect(indexCounts(index)).toEqual({ claims: raw.length, reviews: 0, stances: 0, appearances: 0 });
    expect(result.pack.claims.map((c) => c.sourceId)).toEqual(raw.map((r) => r.vclaim_id));
    expect(result.pack.claims.map((c) => c.id)).toEqual(raw.map((r) => `checkthat-2a:${r.vclaim_id}`));
    expect(result.pack.actors).toEqual([]); // Snopes authors are writers, not claimants
  });
});
