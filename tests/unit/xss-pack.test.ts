// The generated XSS pack (tests/e2e/support/xss-pack.ts) is what the XSS E2E
// suites build into the extension: it must be a valid pack that puts every
// vector in every displayed field, and every claim must match its own
// sentence of the generated page and no other, so that the E2E opens a card
// for every claim.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compilePacks } from '../../lib/claims/compile';
import { validatePack } from '../../lib/claims/validate';
import { createMatcher } from '../../lib/match/matcher';
import { findPageAnnotations } from '../../lib/page/page-annotations';
import { makeXssPack, xssPageHtml } from '../e2e/support/xss-pack';
import { XSS_URLS, XSS_VECTORS } from '../fixtures/xss/vectors';
import { NOW } from './claims-helpers';

const generated = makeXssPack();
const { index } = compilePacks([{ file: 'xss.pack.json', pack: generated.pack }], { now: NOW });
const claims = index.body.claims;

describe('the generated XSS pack', () => {
  it('is valid: URL vectors only warn', () => {
    const result = validatePack(generated.pack, 'xss.pack.json', { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.warnings.every((w) => w.field === 'url' || w.field === 'text')).toBe(true);
  });

  it('puts every vector in every displayed field and every URL vector in every link field', () => {
    const stances = claims.flatMap((c) => c.stances);
    const reviews = claims.flatMap((c) => c.reviews);
    const fields: Record<string, string[]> = {
      'claim text': claims.map((c) => c.text),
      paraphrase: claims.flatMap((c) => c.paraphrases),
      'actor name': stances.map((s) => s.actor.name),
      'actor role': stances.map((s) => s.actor.role),
      quote: stances.map((s) => s.quote ?? ''),
      outlet: stances.map((s) => s.source.outlet),
      'source title': stances.map((s) => s.source.title ?? ''),
      publisher: reviews.map((r) => r.publisher),
      rating: reviews.map((r) => r.rating),
    };
    for (const [field, values] of Object.entries(fields)) {
      const joined = values.join('\n');
      const missing = XSS_VECTORS.filter((v) => !joined.includes(v));
      // Paraphrases hold one vector per claim: a third of the corpus.
      if (field === 'paraphrase') expect(missing.length, field).toBeLessThan(XSS_VECTORS.length);
      else expect(missing, field).toEqual([]);
    }
    const urls = [...stances.map((s) => s.source.url), ...reviews.map((r) => r.url)];
    expect(XSS_URLS.filter((u) => !urls.includes(u))).toEqual([]);
  });

  it('matches each claim on its own sentence of the page, and nothing else', () => {
    const dom = new JSDOM(xssPageHtml(generated.sentences), { url: 'http://127.0.0.1/' });
    try {
      const found = findPageAnnotations(dom.window.document, () => createMatcher(claims))!;
      expect(found).not.toBeNull();
      const got = found.annotations.map((a) => `${a.claimId}\t${found.model.text.slice(a.start, a.end)}`).sort();
      const want = generated.claimIds.map((id, i) => `${id}\t${generated.sentences[i]}`).sort();
      expect(got).toEqual(want);
    } finally {
      dom.window.close();
    }
  });
});
