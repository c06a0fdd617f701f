// `claims import --out`: a write that fails part-way leaves nothing half-written.
import * as fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { memoryIo } from '../../lib/cli/command-io';
import { importCommand } from '../../lib/cli/import-command';
import { removeTempDirs, tempDir } from './import-helpers';

/** When set, the next writeFileSync writes half its text, then fails as a full disk does. */
const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions): void => {
    if (!disk.full || typeof data !== 'string') return real.writeFileSync(file, data, options);
    real.writeFileSync(file, data.slice(0, data.length >> 1), options);
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  return { ...real, default: { ...real, writeFileSync }, writeFileSync };
});

afterEach(() => {
  disk.full = false;
});
afterAll(removeTempDirs);

const RECORD = { claimReviewed: 'Cats can read.', url: 'https://check.example/cats', author: { name: 'Check' }, reviewRating: { alternateName: 'False' } };

describe('claims import --out', () => {
  it('keeps the previous pack intact, and leaves no temporary file, when the write fails part-way', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'feed.json');
    fs.writeFileSync(input, JSON.stringify(RECORD));
    const out = path.join(dir, 'feed.pack.json');
    expect(await importCommand([input, '--out', out, '--quiet'], memoryIo())).toBe(0);
    const previous = fs.readFileSync(out, 'utf8');
    JSON.parse(previous); // a whole pack

    fs.writeFileSync(input, JSON.stringify({ ...RECORD, claimReviewed: 'Cats can read and write.' }));
    disk.full = true;
    const io = memoryIo();
    expect(await importCommand([input, '--out', out, '--quiet'], io)).toBe(1);
    expect(io.err()).toMatch(/feed\.pack\.json: cannot write the pack \(ENOSPC\) — not written/);
    expect(fs.readFileSync(out, 'utf8')).toBe(previous);
    expect(fs.readdirSync(dir).sort()).toEqual(['feed.json', 'feed.pack.json']);
  });

  it('answers an --out that is a folder with exit code 1 and a message naming it', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'feed.json');
    fs.writeFileSync(input, JSON.stringify(RECORD));
    const io = memoryIo();
    expect(await importCommand([input, '--out', dir, '--id', 'feed', '--quiet'], io)).toBe(1);
    expect(io.err()).toMatch(/cannot write the pack \(EISDIR\)/);
    expect(fs.readdirSync(dir)).toEqual(['feed.json']);
  });
});
