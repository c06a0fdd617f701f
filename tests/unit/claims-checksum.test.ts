import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../lib/claims/checksum';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    // Reference value from an independent byte-wise implementation (Python).
    expect(fnv1a32('é – ✓')).toBe('fb7c941d');
  });

  it('always gives 8 hex digits', () => {
    for (const text of ['x', 'claim', '{"packs":[]}', 'Flynn']) expect(fnv1a32(text)).toMatch(/^[0-9a-f]{8}$/);
  });
});

/** The byte-wise reference: TextEncoder's UTF-8, then FNV-1a over the bytes. */
function referenceFnv(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

describe('fnv1a32 without an intermediate buffer', () => {
  it('agrees with TextEncoder bytes on every UTF-8 length, surrogate pairs and lone surrogates', () => {
    const cases = ['ascii only', 'ß ø ñ', '€ “quotes” — dash', '😀 emoji 𝔘', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d', '\udc00\ud800 reversed'];
    for (const text of cases) expect(fnv1a32(text), text).toBe(referenceFnv(text));
  });

  it('agrees with TextEncoder bytes on pseudo-random UTF-16 strings', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let round = 0; round < 200; round++) {
      const units = Array.from({ length: next() % 40 }, () => {
        const r = next() % 4;
        return r === 0 ? next() % 0x80 : r === 1 ? next() % 0x800 : r === 2 ? 0xd800 + (next() % 0x800) : next() % 0x10000;
      });
      const text = String.fromCharCode(...units);
      expect(fnv1a32(text)).toBe(referenceFnv(text));
    }
  });
});
