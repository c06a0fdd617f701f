// `claims import` refuses to write a pack that the build and the options page would refuse for its size.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { memoryIo } from '../../lib/cli/command-io';
import { importCommand } from '../../lib/cli/import-command';
import { removeTempDirs, tempDir } from './import-helpers';

// A limit of 2 KB stands in for the real 50 MB, so that a small input makes a pack over it.
vi.mock('../../lib/claims/limits', async (original) => {
  const real = await original<typeof import('../../lib/claims/limits')>();
  return { ...real, packSizeProblem: (file: string, bytes: number) => (bytes > 2048 ? `${file}: the file is ${bytes} bytes, over the limit; it was not read` : null) };
});

afterAll(removeTempDirs);

describe('claims import and the pack size limit', () => {
  it('writes nothing, and says so, when the pack would be over the limit', async () => {
    const dir = tempDir();
    const reviews = Array.from({ length: 20 }, (_, i) => ({ claimReviewed: `Claim number ${i} about the harbour bridge toll.`, url: `https://check.example/${i}`, author: { name: 'Check' }, reviewRating: { alternateName: 'False' } }));
    const input = path.join(dir, 'feed.json');
    writeFileSync(input, JSON.stringify(reviews));
    const out = path.join(dir, 'feed.pack.json');
    const io = memoryIo();
    expect(await importCommand([input, '--out', out], io)).toBe(1);
    expect(io.err()).toMatch(/feed\.pack\.json: the file is \d+ bytes, over the limit: import the input in parts — not written/);
    expect(existsSync(out)).toBe(false);
    writeFileSync(input, JSON.stringify(reviews.slice(0, 1)));
    expect(await importCommand([input, '--out', out, '--quiet'], memoryIo())).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
