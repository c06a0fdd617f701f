// The seed pack is data tested like code: it must follow the schema, hold
// exactly the claims the seed fixture expects, and say nothing the article
// does not support (no invented quotes, URLs or attributions).
import { existsSync, readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PackSchema, type Pack } from '../../lib/claims/schema';

const PACK_FILE = 'assets/claims/seed-fox-2017.pack.json';
const SEED_DIR = '../shared/fixtures/seed-article';
const hasShared = existsSync(`${SEED_DIR}/expected.json`);
if (!hasShared) console.warn(`match-seed-pack: ${SEED_DIR} is absent; skipping the checks against the seed fixture.`);

const raw: unknown = JSON.parse(readFileSync(PACK_FILE, 'utf8'));
const pack: Pack = v.parse(PackSchema, raw);
const collapse = (s: string) => s.replace(/\s+/gu, ' ').trim();

interface ExpectedClaim {
  id: string;
  claim: string;
  assertedBy: string[];
  deniedBy: string[];
}

describe('seed pack', () => {
  it('conforms to the pack schema and names itself', () => {
    expect(pack.format).toBe('claimlens-pack/1');
    expect(pack.id).toBe('seed-fox-2017');
    expect(pack.language).toBe('en');
    expect(pack.source.name).toBe('Fox News');
    expect(pack.license.length).toBeGreaterThan(0);
  });

  it('resolves every claim entity and stance actor', () => {
    const actors = new Set(pack.actors.map((a) => a.id));
    const named = new Set([...actors, ...pack.entities.map((e) => e.id)]);
    for (const claim of pack.claims) {
      for (const id of claim.entities) expect(named.has(id), `${claim.id} → ${id}`).toBe(true);
      for (const s of claim.stances) expect(actors.has(s.actor), `${claim.id} → ${s.actor}`).toBe(true);
    }
  });

  it('gives every claim paraphrases, key entities and topics', () => {
    for (const claim of pack.claims) {
      expect(claim.paraphrases.length, claim.id).toBeGreaterThan(0);
      expect(claim.topics.length, claim.id).toBeGreaterThan(0);
      expect(new Set(claim.paraphrases).size, claim.id).toBe(claim.paraphrases.length);
    }
  });

  it('cites no URL anywhere, since the article gives none', () => {
    expect(JSON.stringify(raw)).not.toMatch(/"url"\s*:/);
  });
});

describe.skipIf(!hasShared)('seed pack against the seed fixture', () => {
  const expected = hasShared ? JSON.parse(readFileSync(`${SEED_DIR}/expected.json`, 'utf8')) : { claims: [], source: {} };
  const html = hasShared ? readFileSync(`${SEED_DIR}/index.html`, 'utf8') : '';
  // The article's text with tags removed, to check quotes against.
  const articleText = collapse(html.replace(/<[^>]+>/g, ' ').replace(/&middot;/g, '·'));
  const actorNames = new Map(pack.actors.map((a) => [a.id, [a.name, ...a.aliases].map((n) => n.toLowerCase())]));

  it('holds exactly the expected claims, ids and texts', () => {
    const wanted = (expected.claims as ExpectedClaim[]).map((c) => [c.id, c.claim]);
    expect(pack.claims.map((c) => [c.id, c.text])).toEqual(wanted);
  });

  it('names every expected asserting and denying actor as a stance of that claim', () => {
    for (const want of expected.claims as ExpectedClaim[]) {
      const claim = pack.claims.find((c) => c.id === want.id)!;
      for (const [stance, names] of [['asserts', want.assertedBy], ['denies', want.deniedBy]] as const) {
        for (const name of names) {
          const ok = claim.stances.some(
            (s) => s.stance === stance && actorNames.get(s.actor)!.some((n) => n.includes(name.toLowerCase())),
          );
          expect(ok, `${want.id}: ${stance} by "${name}"`).toBe(true);
        }
      }
    }
  });

  it('cites the article itself for every stance, without a URL', () => {
    for (const claim of pack.claims) {
      for (const s of claim.stances) {
        expect(s.source, `${claim.id} / ${s.actor}`).toEqual({ outlet: 'Fox News', title: expected.source.title, date: '2017-03-02' });
      }
    }
  });

  it('quotes only words the article prints', () => {
    const quotes = pack.claims.flatMap((c) => c.stances.flatMap((s) => (s.quote ? [s.quote] : [])));
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(articleText, quote).toContain(collapse(quote));
  });

  it('writes paraphrases in its own words rather than copying article sentences', () => {
    const folded = articleText.toLowerCase();
    for (const claim of pack.claims) {
      for (const p of claim.paraphrases) expect(folded, p).not.toContain(collapse(p).toLowerCase().replace(/\.$/, ''));
    }
  });
});
