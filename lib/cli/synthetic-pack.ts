/**
 * Synthetic filler claims for scale measurements only. The real pools stop
 * at about 53,000 claims; to measure a 100,000-claim index the rest is
 * generated here, clearly labelled as such in its pack id, title, licence,
 * actors and URLs. Each synthetic claim has the shape of an imported
 * PolitiFact claim (one stance, one review, one appearance) and text spliced
 * from two real claims, so sizes and term statistics stay realistic.
 */
import type { ClaimInput, PackInput } from '../claims/schema';

/** Pack id of the filler pack; its claim ids are `synthetic-filler:s<n>`. */
export const SYNTHETIC_PACK_ID = 'synthetic-filler';

const VENUES = ['a speech', 'a tweet', 'a Facebook post', 'an interview', 'a TV ad', 'a press release', 'a debate', 'a campaign mailer'];
const RATINGS: [string, number][] = [['False', -1], ['Mostly False', -0.5], ['Half True', 0], ['Mostly True', 0.5], ['True', 1], ['Pants on Fire', -1]];
const ACTORS = 500;

/** A small deterministic PRNG (mulberry32), so the filler is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function isoDay(rnd: () => number): string {
  const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(rnd() * 12 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** `count` synthetic claims whose words come from `realTexts`; see the module comment. */
export function syntheticPack(realTexts: readonly string[], count: number, seed = 20240601): PackInput {
  const rnd = random(seed);
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: `synthetic-speaker-${i + 1}`,
    name: `Synthetic Speaker ${i + 1}`,
    role: 'Synthetic claimant (generated, not a real person)',
    kind: 'person' as const,
  }));
  const claims: ClaimInput[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(realTexts, rnd).split(/\s+/);
    const b = pick(realTexts, rnd).split(/\s+/);
    const text = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ');
    const [rating, normalizedRating] = pick(RATINGS, rnd);
    const venue = pick(VENUES, rnd);
    const stated = isoDay(rnd);
    claims.push({
      id: `${SYNTHETIC_PACK_ID}:s${String(i + 1).padStart(6, '0')}`,
      text,
      stances: [{ actor: pick(actors, rnd).id, stance: 'asserts', source: { outlet: venue, date: stated } }],
      reviews: [{ publisher: 'Synthetic Fact Check', rating, normalizedRating, url: `https://example.org/synthetic/${i + 1}`, date: stated }],
      appearances: [{ outlet: venue, date: stated }],
    });
  }
  return {
    format: 'claimlens-pack/1',
    id: SYNTHETIC_PACK_ID,
    title: 'SYNTHETIC filler claims: generated text, not real claims (scale measurements only)',
    version: '1.0.0',
    language: 'en',
    license: 'generated test data; not real claims, never bundle',
    source: { name: 'claimlens measure-index (synthetic)' },
    actors,
    claims,
  };
}
