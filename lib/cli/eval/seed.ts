/**
 * The seed article's gold (../shared/fixtures/seed-article/expected.json),
 * scored through the content script's own path: jsdom, then
 * findPageAnnotations (gate → article root → text model → match), under
 * the fixture's rules: a highlight is right when its text overlaps a
 * mention's text and carries one of that mention's claims.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Matcher } from '../../match/matcher';
import { findPageAnnotations } from '../../page/page-annotations';

interface Mention {
  text: string;
  claims: string[];
  required: boolean;
}

/** The seed result for one claim. */
export interface SeedClaimRow {
  claimId: string;
  required: number;
  found: number;
  falsePositives: number;
}

/** The seed result: per claim, totals, and every wrong highlight. */
export interface SeedResult {
  rows: SeedClaimRow[];
  required: number;
  found: number;
  falsePositives: string[];
}

/** The fixture's whitespace rule. */
const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Scores `matcher` on the seed article in `seedDir`. */
export function evaluateSeed(seedDir: string, matcher: Pick<Matcher, 'match'>): SeedResult {
  const expected = JSON.parse(readFileSync(path.join(seedDir, 'expected.json'), 'utf8')) as { claims: { id: string }[]; mentions: Mention[] };
  const dom = new JSDOM(readFileSync(path.join(seedDir, 'index.html'), 'utf8'), { url: 'http://127.0.0.1/' });
  try {
    const found = findPageAnnotations(dom.window.document, () => matcher);
    const text = found?.model.text ?? '';
    const highlights = (found?.annotations ?? []).map((a) => ({ claimId: a.claimId, text: collapse(text.slice(a.start, a.end)) }));
    const overlapping = (h: { text: string }) =>
      expected.mentions.filter((m) => {
        const mt = collapse(m.text);
        return h.text.includes(mt) || mt.includes(h.text);
      });
    const wrong = highlights.filter((h) => {
      const over = overlapping(h);
      return over.length === 0 || over.some((m) => !m.claims.includes(h.claimId));
    });
    const rows = expected.claims.map(({ id }) => {
      // A required mention counts for the claim it was found with (or its first claim when missed).
      const required = expected.mentions.filter((m) => m.required && m.claims[0] === id);
      const hit = (m: Mention) => highlights.some((h) => overlapping(h).includes(m) && m.claims.includes(h.claimId));
      return {
        claimId: id,
        required: required.length,
        found: required.filter(hit).length,
        falsePositives: wrong.filter((h) => h.claimId === id).length,
      };
    });
    // Wrong highlights of claims outside the seed pack (another pack switched on) count too.
    const foreign = wrong.filter((h) => !expected.claims.some((c) => c.id === h.claimId));
    if (foreign.length > 0) rows.push({ claimId: '(other packs)', required: 0, found: 0, falsePositives: foreign.length });
    return {
      rows,
      required: rows.reduce((a, r) => a + r.required, 0),
      found: rows.reduce((a, r) => a + r.found, 0),
      falsePositives: wrong.map((h) => `${h.claimId}: ${h.text}`),
    };
  } finally {
    dom.window.close();
  }
}
