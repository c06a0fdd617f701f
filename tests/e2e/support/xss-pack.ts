/**
 * Generates the hostile claim pack and the page that triggers it, at test
 * time (never committed): every XSS vector lands in every string field of
 * the pack that the card shows, and every URL vector in every link field,
 * while the pack stays valid (non-http URLs only warn) and every claim still
 * matches exactly one sentence of the page.
 *
 * Matching goes through a clean paraphrase: claim i's text is its sentence
 * wrapped in vectors (which the card shows), one paraphrase is the sentence
 * alone, which the page carries word for word. Sentences are built from
 * invented words unique to each claim, so no claim matches another's.
 */
import { XSS_URLS, XSS_VECTORS } from '../../fixtures/xss/vectors';

/** Stances and reviews per claim: each claim shows this many vectors per field. */
const PER_CLAIM = 3;

const SYLLABLES = ['bra', 'cel', 'dov', 'fim', 'gur', 'hask', 'jol', 'kev', 'lun', 'mirr', 'nok', 'pell', 'quab', 'rov', 'sib', 'tuv', 'varn', 'wex', 'yel', 'zor'];

/** An invented word, unique for each (claim, slot) pair, that no stemmer folds into another. */
function word(claim: number, slot: number): string {
  const n = claim * 7 + slot;
  return `${SYLLABLES[n % 20]}${SYLLABLES[Math.floor(n / 20) % 20]}${['ix', 'unt', 'ard', 'osk', 'em', 'ulp', 'ath'][slot]}`;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** The page sentence of claim `i`: five distinctive words among ordinary ones. */
export function xssSentence(i: number): string {
  const w = (slot: number) => word(i, slot);
  return `Officials in ${cap(w(0))} said the ${w(1)} council will fund ${w(2)} bridges and ${w(3)} orchards near ${cap(w(4))} next spring.`;
}

/** The generated pack and what the tests need to know about it. */
export interface XssPack {
  pack: Record<string, unknown>;
  claimIds: string[];
  sentences: string[];
}

/** Vector for field `field` (an index) of slot `k`, cycling so every vector meets every field. */
function vector(k: number, field: number): string {
  return XSS_VECTORS[(k + field * 37) % XSS_VECTORS.length]!;
}

function url(k: number, field: number): string {
  return XSS_URLS[(k + field * 7) % XSS_URLS.length]!;
}

/** Builds the pack: ceil(vectors / 3) claims, each with 3 stances and 3 reviews. */
export function makeXssPack(): XssPack {
  const claimCount = Math.ceil(XSS_VECTORS.length / PER_CLAIM);
  const actors: Record<string, unknown>[] = [];
  const claims: Record<string, unknown>[] = [];
  const sentences: string[] = [];
  for (let i = 0; i < claimCount; i++) {
    const sentence = xssSentence(i);
    sentences.push(sentence);
    const stances = [];
    const reviews = [];
    for (let s = 0; s < PER_CLAIM; s++) {
      const k = i * PER_CLAIM + s;
      const id = `xss-actor-${k}`;
      actors.push({ id, name: vector(k, 0), aliases: [vector(k, 1)], role: vector(k, 2), kind: s % 2 ? 'person' : 'organization' });
      stances.push({
        actor: id,
        stance: s % 2 ? 'denies' : 'asserts',
        quote: vector(k, 3),
        source: { outlet: vector(k, 4), title: vector(k, 5), url: url(k, 0), date: '2020-01-02' },
      });
      reviews.push({ publisher: vector(k, 6), rating: vector(k, 7), url: url(k, 1), date: '2020-01-03' });
    }
    const k = i * PER_CLAIM;
    claims.push({
      id: `xss-claim-${i}`,
      // Shown on the card: the sentence between vectors.
      text: `${vector(k, 8)} ${sentence} ${vector(k + 1, 8)} ${vector(k + 2, 8)}`,
      paraphrases: [sentence, `${vector(k, 9)} ${sentence}`],
      topics: [vector(k, 10)],
      stances,
      reviews,
      appearances: [{ url: url(k, 2), outlet: vector(k, 11), title: vector(k, 12), date: '2020-01-04' }],
      // The one HTML field: rendered through sanitizeHtml (DOMPurify).
      noteHtml: `<p><em>Note</em> ${vector(k, 14)} <a href="${url(k, 3)}">source</a> ${vector(k + 1, 14)}</p>`,
      extra: { note: vector(k, 13) },
    });
  }
  const pack = {
    format: 'claimlens-pack/1',
    id: 'xss-corpus',
    title: `XSS corpus ${XSS_VECTORS[0]} ${XSS_VECTORS[15]}`,
    version: XSS_VECTORS[1],
    language: 'en',
    license: XSS_VECTORS[2],
    source: { name: XSS_VECTORS[3], url: XSS_URLS[0] },
    description: XSS_VECTORS[4],
    actors,
    entities: [],
    claims,
  };
  return { pack, claimIds: claims.map((c) => String(c.id)), sentences };
}

/** The article page carrying every claim's sentence, one paragraph each. */
export function xssPageHtml(sentences: readonly string[]): string {
  const paragraphs = sentences.map((s, i) => `<p id="s${i}">${s}</p>`).join('\n');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta property="og:type" content="article">' +
    '<title>Regional budget roundup</title></head><body><article><h1>Regional budget roundup</h1>\n' +
    `${paragraphs}\n</article></body></html>`
  );
}
