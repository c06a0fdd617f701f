// Google Fact Check Tools claims:search importer on hand-written responses.
import { describe, expect, it } from 'vitest';
import { importFactCheckTools } from '../../lib/claims/importers';
import { validatePack } from '../../lib/claims/validate';
import { json, jsonl, lostLeaves, NOW } from './import-helpers';

const claim = {
  text: 'The bridge was closed for a year.',
  claimant: 'Alex Smith',
  claimDate: '2023-05-01T00:00:00Z',
  claimReview: [
    {
      publisher: { name: 'Check One', site: 'checkone.example' },
      url: 'https://checkone.example/bridge',
      title: 'No, the bridge was open',
      reviewDate: '2023-05-04T10:00:00Z',
      textualRating: 'Mostly false',
      languageCode: 'en',
    },
    { publisher: { site: 'checktwo.example' }, url: 'https://checktwo.example/b', textualRating: 'Misleading', languageCode: 'en' },
    { publisher: { name: 'Check Three' }, url: 'https://three.example/x', title: 'No verdict given', languageCode: 'en' },
  ],
};

describe('Fact Check Tools importer', () => {
  it('maps claims, claimants and reviews, citing the first review as where the attribution is documented', () => {
    const { pack, report } = importFactCheckTools(json({ claims: [claim], nextPageToken: 'CAo' }));
    expect(validatePack(pack, 'fct.pack.json', { now: NOW }).errors).toEqual([]);
    expect(report).toMatchObject({ format: 'factcheck-tools', records: 1, claims: 1, actors: 1, stances: 1, reviews: 2 });
    const [c] = pack.claims;
    expect(c).toMatchObject({
      id: 'factcheck-tools:checkone-example-bridge',
      text: claim.text,
      sourceId: 'https://checkone.example/bridge',
      stances: [{ actor: 'alex-smith', stance: 'asserts', source: { outlet: 'Check One', title: 'No, the bridge was open', url: 'https://checkone.example/bridge', date: '2023-05-04' } }],
      reviews: [
        { publisher: 'Check One', rating: 'Mostly false', normalizedRating: -0.5, url: 'https://checkone.example/bridge', date: '2023-05-04' },
        { publisher: 'checktwo.example', rating: 'Misleading', normalizedRating: -0.5, url: 'https://checktwo.example/b' },
      ],
    });
    expect(pack.extra).toEqual({ responses: [{ at: '$', fields: { nextPageToken: 'CAo' } }] });
  });

  it('loses nothing: sites, language codes and a review without a verdict stay in extra; title, claimant and dates help ranking', () => {
    const { pack } = importFactCheckTools(json({ claims: [claim] }));
    const c = pack.claims[0]!;
    expect(c.retrieval).toEqual({ title: 'No, the bridge was open', speaker: 'Alex Smith', date: '2023-05-01', reviewDate: '2023-05-04' });
    expect(c.extra).toEqual({
      claimReview: [
        { publisher: { site: 'checkone.example' }, languageCode: 'en' },
        { languageCode: 'en' },
        { publisher: { name: 'Check Three' }, url: 'https://three.example/x', title: 'No verdict given', languageCode: 'en' },
      ],
    });
    expect(lostLeaves(claim, c, pack)).toEqual([]);
  });

  it('reads arrays of responses (pages), JSONL, and bare claims; other records stay in extra.unmapped', () => {
    const page2 = { claims: [{ ...claim, text: 'Second claim.' }] };
    const fromPages = importFactCheckTools(json([{ claims: [claim] }, page2]));
    expect(fromPages.pack.claims.map((c) => c.text)).toEqual([claim.text, 'Second claim.']);
    expect(importFactCheckTools(jsonl([{ claims: [claim] }, page2])).pack.claims).toEqual(fromPages.pack.claims);
    const mixed = importFactCheckTools(json([claim, { something: 'else' }]));
    expect(mixed.report).toMatchObject({ claims: 1, unmapped: 1 });
  });

  it('makes no stance without a claimant, and takes the one language of the reviews', () => {
    const { pack } = importFactCheckTools(json({ claims: [{ ...claim, claimant: undefined, claimReview: [{ ...claim.claimReview[0], languageCode: 'de' }] }] }));
    expect(pack.claims[0]!.stances).toBeUndefined();
    expect(pack.actors).toEqual([]);
    expect(pack.language).toBe('de');
  });
});
