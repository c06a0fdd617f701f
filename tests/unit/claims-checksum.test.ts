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
