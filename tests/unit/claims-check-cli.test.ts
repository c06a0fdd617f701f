// `claims check [pack.json …]`, run in-process with captured output: a
// maintainer checks their own pack by naming it, as `claims import` tells them to.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../lib/cli/check-command';
import { memoryIo } from '../../lib/cli/command-io';
import { fixturePack, fixturePath } from './claims-helpers';
import { removeTempDirs, tempDir } from './import-helpers';

afterAll(removeTempDirs);

/** The valid fixture under its own pack and claim ids, so that it clashes with no bundled pack. */
function ownPack(): ReturnType<typeof fixturePack> {
  const pack = fixturePack('valid');
  pack.id = 'check-cli-own';
  for (const claim of pack.claims) claim.id = `check-cli-${claim.id}`;
  return pack;
}

describe('claims check', () => {
  it('checks a pack file named on the command line and fails on its errors', async () => {
    const io = memoryIo();
    expect(await checkCommand([path.resolve(fixturePath('missing-field'))], io)).toBe(1);
    expect(io.err()).toMatch(/missing-field\.pack\.json: claim "flynn-misled-pence" \(\$\.claims\[1\]\.text\): field "text": required field is missing/);
    expect(io.out()).not.toMatch(/^OK/m);
  });

  it('compiles a named valid pack together with the bundled ones', async () => {
    const file = path.join(tempDir(), 'own.pack.json');
    writeFileSync(file, JSON.stringify(ownPack()));
    const io = memoryIo();
    expect(await checkCommand([file], io)).toBe(0);
    expect(io.out()).toMatch(/^check-cli-own 1\.0\.0: 2 claims/m);
    expect(io.out()).toMatch(/^seed-fox-2017 /m);
  });

  it('reports a named file that cannot be read, and invalid JSON with its line', async () => {
    const missing = memoryIo();
    expect(await checkCommand([path.join(tempDir(), 'nope.pack.json')], missing)).toBe(1);
    expect(missing.err()).toMatch(/nope\.pack\.json: cannot read the file \(ENOENT\)/);
    const broken = memoryIo();
    expect(await checkCommand([path.resolve(fixturePath('invalid-json'))], broken)).toBe(1);
    expect(broken.err()).toMatch(/invalid-json\.pack\.json:\d+:\d+: invalid JSON/);
  });

  it('answers an unknown option with the usage and exit code 2, checking nothing', async () => {
    const io = memoryIo();
    expect(await checkCommand(['--strict'], io)).toBe(2);
    expect(io.err()).toMatch(/Unknown option '--strict'[\s\S]*Usage: claims check/);
    expect(io.out()).toBe('');
  });
});
