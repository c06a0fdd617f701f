// schema.org ClaimReview importer on small hand-written inputs: every wrapper, the
// claimant and source rules, ratings, and "nothing lost".
import { describe, expect, it } from 'vitest';
import { importClaimReview } from '../../lib/claims/importers';
import { validatePack } from '../../lib/claims/validate';
import { json, jsonl, lostLeaves, NOW } from './import-helpers';

/** A minimal ClaimReview with overrides. */
function review(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://factcheck.example/checks/moon-cheese',
    claimReviewed: 'The Moon is made of cheese.',
    datePublished: '2024-03-02',
    author: { '@type': 'Organization', name: 'Example Check' },
    reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, worstRating: 1, bestRating: 5 },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Jane Doe' }, datePublished: '2024-02-20' },
    ...overrides,
  };
}

function expectValid(pack: unknown): void {
  const result = validatePack(pack, 'imported.pack.json', { now: NOW });
  expect(result.errors).toEqual([]);
}

describe('ClaimReview importer: wrappers', () => {
  it('imports a single JSON-LD object', () => {
    const { pack, report } = importClaimReview(json(review()));
    expectValid(pack);
    expect(report).toMatchObject({ format: 'claimreview', records: 1, claims: 1, actors: 1, stances: 1, reviews: 1, unmapped: 0 });
    const [claim] = pack.claims;
    expect(claim).toMatchObject({
      id: 'claimreview:factcheck-example-moon-cheese',
      text: 'The Moon is made of cheese.',
      sourceId: 'https://factcheck.example/checks/moon-cheese',
      reviews: [{ publisher: 'Example Check', rating: 'False', normalizedRating: -1, url: 'https://factcheck.example/checks/moon-cheese', date: '2024-03-02' }],
    });
    expect(pack.actors).toEqual([{ id: 'jane-doe', name: 'Jane Doe', role: 'Claimant', kind: 'person' }]);
  });

  it('imports an array and JSONL alike', () => {
    const records = [review(), review({ url: 'https://factcheck.example/checks/2', claimReviewed: 'Water is dry.' })];
    const fromArray = importClaimReview(json(records));
    const fromLines = importClaimReview(jsonl(records));
    expectValid(fromArray.pack);
    expect(fromArray.pack.claims.map((c) => c.text)).toEqual(['The Moon is made of cheese.', 'Water is dry.']);
    expect(fromLines.pack).toEqual(fromArray.pack);
  });

  it('imports a @graph, resolves @id references, and keeps the other nodes', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': 'https://factcheck.example/#page', name: 'Moon check' },
        { '@type': 'Organization', '@id': 'https://factcheck.example/#org', name: 'Example Check', url: 'https://factcheck.example/' },
        review({ author: { '@id': 'https://factcheck.example/#org' } }),
      ],
    };
    const { pack, report } = importClaimReview(json(graph));
    expectValid(pack);
    expect(report).toMatchObject({ records: 3, claims: 1, unmapped: 2 });
    expect(pack.claims[0]!.reviews?.[0]?.publisher).toBe('Example Check');
    expect(pack.claims[0]!.extra?.author).toBeUndefined(); // the reference is resolved, the node is kept at pack level
    const unmapped = pack.extra?.unmapped as { at: string; record: { '@id': string } }[];
    expect(unmapped.map((u) => u.record['@id'])).toEqual(['https://factcheck.example/#page', 'https://factcheck.example/#org']);
    expect(unmapped[0]!.at).toBe('$["@graph"][0]');
  });

  it('imports a Data Commons DataFeed, skipping null items and keeping feed and item metadata', () => {
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      name: 'Fact checks',
      dateModified: '2024-04-01',
      dataFeedElement: [
        { '@type': 'DataFeedItem', dateCreated: '2024-03-03', item: [review()] },
        { '@type': 'DataFeedItem', item: null },
        { '@type': 'DataFeedItem', item: [null, review({ url: 'https://factcheck.example/checks/3', claimReviewed: 'Fish can fly.' })] },
      ],
    };
    const { pack, report } = importClaimReview(json(feed));
    expectValid(pack);
    expect(report).toMatchObject({ records: 4, empty: 2, claims: 2, unmapped: 0 });
    expect(pack.claims[0]!.extra?.dataFeedElement).toEqual({ dateCreated: '2024-03-03' });
    expect(pack.claims[1]!.extra?.dataFeedElement).toBeUndefined();
    expect(pack.extra?.dataFeeds).toEqual([{ at: '$', fields: { '@type': 'DataFeed', name: 'Fact checks', dateModified: '2024-04-01' } }]);
  });

  it('keeps a ClaimReview without claimReviewed, and any non-ClaimReview record, whole under extra.unmapped', () => {
    const { pack, report } = importClaimReview(json([review({ claimReviewed: undefined }), { '@type': 'NewsArticle', headline: 'x' }, review()]));
    expectValid(pack);
    expect(report).toMatchObject({ records: 3, claims: 1, unmapped: 2 });
    const unmapped = pack.extra?.unmapped as { at: string; reason: string }[];
    expect(unmapped.map((u) => u.at)).toEqual(['$[0]', '$[1]']);
    expect(unmapped[0]!.reason).toMatch(/claimReviewed/);
  });
});

describe('ClaimReview importer: claimants and sources', () => {
  it('cites where the claim was made when the markup says so (firstAppearance)', () => {
    const item = {
      '@type': 'Claim',
      author: 'Jane Doe',
      datePublished: '2024-02-20',
      firstAppearance: { '@type': 'CreativeWork', url: 'https://social.example/post/1', headline: 'Moon facts' },
      appearance: [{ url: 'https://blog.example/moon', publisher: { name: 'Moon Blog' }, datePublished: '2024-02-22' }],
    };
    const { pack } = importClaimReview(json(review({ itemReviewed: item })));
    expectValid(pack);
    const claim = pack.claims[0]!;
    expect(claim.stances).toEqual([
      { actor: 'jane-doe', stance: 'asserts', source: { outlet: 'social.example', title: 'Moon facts', url: 'https://social.example/post/1', date: '2024-02-20' } },
    ]);
    expect(claim.appearances).toEqual([
      { url: 'https://social.example/post/1', outlet: 'social.example', title: 'Moon facts' },
      { url: 'https://blog.example/moon', outlet: 'Moon Blog', date: '2024-02-22' },
    ]);
  });

  it('cites the review itself when where the claim was made is unknown', () => {
    const { pack } = importClaimReview(json(review({ headline: 'No, the Moon is not cheese' })));
    const claim = pack.claims[0]!;
    expect(claim.stances?.[0]?.source).toEqual({
      outlet: 'Example Check', title: 'No, the Moon is not cheese', url: 'https://factcheck.example/checks/moon-cheese', date: '2024-03-02',
    });
    // The claim's date is not the review's: it is kept for ranking, not given to the stance's source.
    expect(claim.retrieval).toEqual({ title: 'No, the Moon is not cheese', speaker: 'Jane Doe', date: '2024-02-20', reviewDate: '2024-03-02' });
    expect(claim.extra?.itemReviewed).toBeUndefined();
  });

  it('makes one actor per claimant, deduplicated by slug, with kinds and roles from the markup', () => {
    const records = [
      review({ itemReviewed: { author: [{ '@type': 'Person', name: 'Jane Doe', jobTitle: 'Mayor' }, { '@type': 'Organization', name: 'Cheese Council' }] } }),
      review({ url: 'https://factcheck.example/2', claimReviewed: 'Other claim.', itemReviewed: { author: 'JANE DOE' } }),
    ];
    const { pack, report } = importClaimReview(json(records));
    expectValid(pack);
    expect(pack.actors).toEqual([
      { id: 'jane-doe', name: 'Jane Doe', aliases: ['JANE DOE'], role: 'Mayor', kind: 'person' },
      { id: 'cheese-council', name: 'Cheese Council', role: 'Claimant', kind: 'organization' },
    ]);
    expect(report.stances).toBe(3);
    expect(report.guessedKinds).toBe(0);
  });

  it('keeps claimants apart whose names a slug cannot spell, and reads an itemReviewed given as a list of one', () => {
    const records = [
      review({ itemReviewed: [{ '@type': 'Claim', author: { '@type': 'Person', name: 'Владимир Путин' } }] }),
      review({ url: 'https://factcheck.example/2', claimReviewed: 'Other claim.', itemReviewed: { author: 'Дональд Трамп' } }),
      review({ url: 'https://factcheck.example/3', claimReviewed: 'Third claim.', itemReviewed: { author: 'владимир путин' } }),
    ];
    const { pack } = importClaimReview(json(records));
    expectValid(pack);
    expect(pack.actors?.map((a) => [a.name, a.aliases ?? []])).toEqual([['Владимир Путин', ['владимир путин']], ['Дональд Трамп', []]]);
    expect(pack.actors?.[0]!.id).toMatch(/^actor-[0-9a-f]{8}$/);
    const stanceActors = pack.claims.map((c) => c.stances?.map((st) => st.actor));
    expect(stanceActors).toEqual([[pack.actors![0]!.id], [pack.actors![1]!.id], [pack.actors![0]!.id]]);
  });

  it('names the fact-checker by its URL host when the markup gives no name', () => {
    const { pack } = importClaimReview(json(review({ author: { '@type': 'Organization', url: 'http://www.politifact.com/' } })));
    expect(pack.claims[0]!.reviews?.[0]?.publisher).toBe('politifact.com');
    expect(pack.claims[0]!.extra?.author).toEqual({ '@type': 'Organization', url: 'http://www.politifact.com/' });
  });
});

describe('ClaimReview importer: ratings and nothing lost', () => {
  it('keeps the Washington Post\'s "Fuzzy math" as its text, unrated, with its number in extra', () => {
    const wapo = review({ author: { name: 'The Washington Post' }, reviewRating: { '@type': 'Rating', ratingValue: '-1', alternateName: 'Fuzzy math' } });
    const { pack, report } = importClaimReview(json(wapo));
    expectValid(pack);
    expect(pack.claims[0]!.reviews).toEqual([{ publisher: 'The Washington Post', rating: 'Fuzzy math', url: 'https://factcheck.example/checks/moon-cheese', date: '2024-03-02' }]);
    expect(pack.claims[0]!.extra?.reviewRating).toEqual({ ratingValue: '-1' });
    expect(report.unnormalizedRatings).toBe(1);
  });

  it('labels a number-only rating by its scale and uses the number', () => {
    const { pack } = importClaimReview(json(review({ reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 6 } })));
    expect(pack.claims[0]!.reviews?.[0]).toMatchObject({ rating: '1/6', normalizedRating: -1 });
    expect(pack.claims[0]!.extra?.reviewRating).toBeUndefined();
  });

  it('keeps every field it does not map under extra, in the input\'s shape', () => {
    const raw = review({
      inLanguage: 'en',
      claimReviewSiteLogo: 'https://factcheck.example/logo.png',
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingExplanation: 'No dairy found.' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Jane Doe', sameAs: ['https://example.org/jane'] }, keywords: ['moon', 'cheese'] },
      'x-custom': { nested: [1, 2, { deep: true }] },
    });
    const { pack } = importClaimReview(json(raw));
    expectValid(pack);
    const claim = pack.claims[0]!;
    expect(claim.extra).toEqual({
      inLanguage: 'en',
      claimReviewSiteLogo: 'https://factcheck.example/logo.png',
      reviewRating: { ratingExplanation: 'No dairy found.' },
      itemReviewed: { author: { sameAs: ['https://example.org/jane'] }, keywords: ['moon', 'cheese'] },
      'x-custom': { nested: [1, 2, { deep: true }] },
    });
    expect(lostLeaves(raw, claim, pack)).toEqual([]);
  });

  it('keeps the fact-checker and a rating without text or number in extra when no review can be made', () => {
    const raw = review({
      reviewRating: { '@type': 'Rating', ratingExplanation: 'Pending' },
      itemReviewed: { '@type': 'Claim', author: 'Jane Doe', appearance: 'https://social.example/p/9' },
    });
    const { pack, report } = importClaimReview(json(raw));
    expectValid(pack);
    const claim = pack.claims[0]!;
    expect(report.reviews).toBe(0);
    expect(claim.stances?.[0]?.source).toEqual({ outlet: 'social.example', url: 'https://social.example/p/9' });
    expect(claim.extra).toMatchObject({ author: { '@type': 'Organization', name: 'Example Check' } });
    expect(claim.retrieval).toMatchObject({ reviewDate: '2024-03-02' });
    expect(lostLeaves(raw, claim, pack)).toEqual([]);
  });

  it('keeps the claim date and the review headline for ranking when no claimant can cite them', () => {
    const raw = review({ headline: 'Cheese?', itemReviewed: { '@type': 'CreativeWork', name: 'a radio show' } });
    const noDateRaw = review({ itemReviewed: { '@type': 'Claim', datePublished: '2024-02-20', appearance: { name: 'a talk', publisher: { name: 'Radio X' } } } });
    for (const input of [raw, noDateRaw]) {
      const { pack } = importClaimReview(json(input));
      expect(pack.claims[0]!.stances).toBeUndefined();
      expect(lostLeaves(input, pack.claims[0]!, pack)).toEqual([]);
    }
    expect(importClaimReview(json(raw)).pack.claims[0]!.retrieval).toMatchObject({ title: 'Cheese?' });
    expect(importClaimReview(json(noDateRaw)).pack.claims[0]!.retrieval).toMatchObject({ date: '2024-02-20' });
  });

  it('gives the same ids for the same input, and unique ids for repeated URLs', () => {
    const records = [review(), review({ claimReviewed: 'Second claim, same review URL.' })];
    const a = importClaimReview(json(records)).pack.claims.map((c) => c.id);
    const b = importClaimReview(json(records)).pack.claims.map((c) => c.id);
    expect(a).toEqual(['claimreview:factcheck-example-moon-cheese', 'claimreview:factcheck-example-moon-cheese-2']);
    expect(b).toEqual(a);
    expect(importClaimReview(json(records), { id: 'my-pack' }).pack.claims[0]!.id).toBe('my-pack:factcheck-example-moon-cheese');
  });

  it('takes the pack language from the records when they agree', () => {
    expect(importClaimReview(json([review({ inLanguage: 'de' })])).pack.language).toBe('de');
    expect(importClaimReview(json([review({ inLanguage: 'de' }), review({ inLanguage: 'fr' })])).pack.language).toBe('en');
    expect(importClaimReview(json([review({ inLanguage: 'de' })]), { language: 'es' }).pack.language).toBe('es');
  });
});
