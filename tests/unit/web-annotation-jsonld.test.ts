// The export read by a JSON-LD processor, not only as plain JSON: jsonld.js
// in safe mode refuses any property it would drop (a key that expands to no
// IRI), so every field of the export — the stances' actors, quotes and
// outlets, the reviews' publishers and ratings — must be a defined term.
// The Web Annotation context is served from a copy in tests/fixtures/w3c/
// (the test never goes to the network).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import type { JsonLd, RemoteDocument } from 'jsonld/jsonld-spec';
import { describe, expect, it } from 'vitest';
import { buildWebAnnotations, type ExportClaim } from '../../lib/annotate/web-annotation';

const ANNO_CONTEXT_URL = 'http://www.w3.org/ns/anno.jsonld';
const annoContext = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/w3c/anno.jsonld'), 'utf8')) as JsonLd;

const documentLoader = async (url: string): Promise<RemoteDocument> => {
  if (url !== ANNO_CONTEXT_URL) throw new Error(`the test loads no other document: ${url}`);
  return { documentUrl: url, document: annoContext };
};
/** jsonld.js's `safe` option (refuse lossy expansion) is missing from @types/jsonld. */
type ExpandOptions = jsonld.Options.Expand & { safe?: boolean };

const text = 'Intro. The moon is made of cheese, officials said. Outro.';
const claim: ExportClaim = {
  id: 'c1',
  text: 'The moon is made of cheese.',
  packTitle: 'Test pack',
  stances: [
    {
      actor: { id: 'a', name: 'Ada', aliases: [], role: 'Astronomer', kind: 'person' },
      stance: 'asserts',
      quote: 'Cheese!',
      source: { outlet: 'Gazette', title: 'Moon news', url: 'https://gazette.example/1', date: '2020-01-02' },
    },
    { actor: { id: 'd', name: 'Dan', aliases: [], role: 'Dairy farmer', kind: 'person' }, stance: 'denies', source: { outlet: 'Radio' } },
  ],
  reviews: [{ publisher: 'CheckOrg', rating: 'False', normalizedRating: -1, url: 'https://check.example/moon', date: '2020-01-03' }],
};

function exported() {
  return buildWebAnnotations({
    url: 'https://news.example/story',
    title: 'Story',
    text,
    spans: [{ claimId: 'c1', start: text.indexOf('The moon'), end: text.indexOf(' Outro') }],
    claims: [claim],
    created: new Date('2024-01-02T03:04:05Z'),
    version: '0.1.0',
  });
}

/** Every value reachable in an expanded document: @value literals and @id references. */
function expandedValues(node: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => expandedValues(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '@value' || key === '@id') out.push(value);
      else expandedValues(value, out);
    }
  }
  return out;
}

describe('the Web Annotation export under a JSON-LD processor', () => {
  it('expands in safe mode: no property is dropped as an undefined term', async () => {
    await expect(jsonld.expand(exported() as unknown as jsonld.JsonLdDocument, { documentLoader, safe: true } as ExpandOptions)).resolves.toBeDefined();
  });

  it("keeps the stances' and reviews' fields, under Claimlens's vocabulary", async () => {
    const expanded = await jsonld.expand(exported() as unknown as jsonld.JsonLdDocument, { documentLoader });
    const json = JSON.stringify(expanded);
    for (const field of ['stance', 'actor', 'role', 'quote', 'outlet', 'title', 'url', 'date', 'publisher', 'rating', 'normalizedRating']) {
      expect(json, field).toContain(`"urn:claimlens:vocab#${field}"`);
    }
    const values = expandedValues(expanded);
    for (const value of ['Ada', 'Astronomer', 'Cheese!', 'Gazette', 'Moon news', 'https://gazette.example/1', 'Dan', 'Radio', 'CheckOrg', 'False', -1, 'https://check.example/moon', 'The moon is made of cheese.']) {
      expect(values, String(value)).toContain(value);
    }
  });
});
