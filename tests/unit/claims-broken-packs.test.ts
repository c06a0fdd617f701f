// Every class of broken pack gets a clear error on the build's path (read the
// files, then compile): corrupt, truncated, empty and binary files, oversized
// files (refused before they are read), the wrong format version, duplicate
// ids and broken references. A broken compiled index is refused by loadIndex
// (claims-load-index.test.ts covers corrupt, truncated, other versions and
// checksum mismatches).
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackFiles } from '../../lib/build/read-packs';
import { compilePacks, PackValidationError } from '../../lib/claims/compile';
import { MAX_PACK_BYTES } from '../../lib/claims/limits';
import { NOW, fixturePack, type LoosePack } from './claims-helpers';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'claimlens-broken-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes `name` in the temp root and returns its path. */
function write(name: string, content: string | Buffer): string {
  const file = path.join(root, name);
  writeFileSync(file, content);
  return file;
}

/** A sparse file of `bytes` bytes (NULs): costs no disk, and is not JSON. */
function sparse(name: string, bytes: number): string {
  const file = path.join(root, name);
  closeSync(openSync(file, 'w'));
  truncateSync(file, bytes);
  return file;
}

/** The error message that reading and then compiling `files` fails with. */
function failure(...files: string[]): string {
  try {
    compilePacks(readPackFiles({ root, dirs: [], files, env: {} }), { now: NOW });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the packs to be refused');
}

function validText(): string {
  return JSON.stringify(fixturePack('valid'), null, 2);
}

function packWith(change: (pack: LoosePack) => void): string {
  const pack = fixturePack('valid');
  change(pack);
  return JSON.stringify(pack, null, 2);
}

describe('broken pack files', () => {
  it('corrupt JSON: names file, line and column', () => {
    const file = write('corrupt.pack.json', validText().replace('"claims": [', '"claims" [ '));
    expect(failure(file)).toMatch(/^Cannot read claim packs:\n {2}corrupt\.pack\.json:\d+:\d+: invalid JSON — /);
  });

  it('truncated file: points at its end', () => {
    const text = validText();
    const cut = text.slice(0, Math.floor(text.length / 2));
    const lines = cut.split('\n');
    const file = write('truncated.pack.json', cut);
    expect(failure(file)).toContain(`truncated.pack.json:${lines.length}:${lines.at(-1)!.length + 1}: invalid JSON`);
  });

  it('empty and binary files are invalid JSON, not crashes', () => {
    const empty = write('empty.pack.json', '');
    const binary = write('binary.pack.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x01]));
    const message = failure(empty, binary);
    expect(message).toContain('empty.pack.json:1:1: invalid JSON');
    expect(message).toMatch(/binary\.pack\.json:1:1: invalid JSON/);
  });

  it(`oversized (over ${MAX_PACK_BYTES} bytes): refused with its size, before it is read or parsed`, () => {
    const big = sparse('big.pack.json', MAX_PACK_BYTES + 1);
    const message = failure(big);
    expect(message).toBe(
      `Cannot read claim packs:\n  big.pack.json: the file is 50.0 MB (${MAX_PACK_BYTES + 1} bytes), over the 50.0 MB limit for a claim pack — split it into smaller packs; it was not read`,
    );
    // Parsing the file (all NULs) would have said "invalid JSON".
    expect(message).not.toContain('invalid JSON');
  });

  it('a pack of exactly the limit is read (and here fails as JSON instead)', () => {
    const atLimit = sparse('limit.pack.json', MAX_PACK_BYTES);
    expect(failure(atLimit)).toContain('limit.pack.json:1:1: invalid JSON');
  });

  it('lists an oversized pack with the other broken files, and still reads good ones', () => {
    const good = write('good.pack.json', validText());
    expect(readPackFiles({ root, dirs: [], files: [good], env: {} })).toHaveLength(1);
    const message = failure(good, sparse('huge.pack.json', 3 * MAX_PACK_BYTES), write('bad.pack.json', '{'));
    expect(message.split('\n')).toHaveLength(3);
    expect(message).toContain('huge.pack.json: the file is 150.0 MB');
    expect(message).toContain('bad.pack.json:1:2: invalid JSON');
  });
});

describe('broken pack contents', () => {
  it('wrong format version: says which version is read', () => {
    const file = write('v2.pack.json', packWith((p) => (p.format = 'claimlens-pack/2')));
    const message = failure(file);
    expect(message).toMatch(/^Claim packs have 1 error:/);
    expect(message).toContain('v2.pack.json: ($.format): field "format": must be "claimlens-pack/1", got "claimlens-pack/2"');
  });

  it('no format at all, or not an object: says what a pack is', () => {
    const noFormat = write('noformat.pack.json', packWith((p) => delete p.format));
    const array = write('array.pack.json', '[]');
    const message = failure(noFormat, array);
    expect(message).toContain('noformat.pack.json: ($.format): field "format": required field is missing — add "format" to this pack');
    expect(message).toContain('array.pack.json: ($): field "(pack)": a pack must be a JSON object, got an array');
  });

  it('duplicate ids within a pack: claim, actor and entity, each at its second use', () => {
    const file = write(
      'dups.pack.json',
      packWith((p) => {
        p.claims[1].id = p.claims[0].id;
        p.actors.push({ ...p.actors[0] });
        p.entities.push({ ...p.entities[0] });
      }),
    );
    const message = failure(file);
    expect(message).toContain('dups.pack.json: claim "flynn-discussed-sanctions" ($.claims[1].id): field "id": duplicate claim id "flynn-discussed-sanctions"');
    expect(message).toContain('($.actors[2].id): field "id": duplicate actor id "mike-pence"');
    expect(message).toContain('($.entities[2].id): field "id": duplicate entity id "michael-flynn"');
  });

  it('duplicate ids across packs: names both files', () => {
    const a = write('a.pack.json', validText());
    const b = write('b.pack.json', packWith((p) => (p.id = 'other-pack')));
    expect(failure(a, b)).toContain('b.pack.json: claim "flynn-discussed-sanctions" ($.claims[0].id): field "id": claim id "flynn-discussed-sanctions" is also used in a.pack.json');
  });

  it('broken references: unknown actor and unknown entity, with the fix', () => {
    const file = write(
      'refs.pack.json',
      packWith((p) => {
        p.claims[0].stances[0].actor = 'nobody';
        p.claims[0].entities.push('nowhere');
      }),
    );
    const message = failure(file);
    expect(message).toContain('($.claims[0].stances[0].actor): field "actor": unknown actor "nobody" — add it to "actors" or fix the id');
    expect(message).toContain('($.claims[0].entities[2]): field "entities": unknown actor or entity "nowhere"');
  });

  it('a broken pack stops the build even when other packs are fine', () => {
    const good = write('good.pack.json', packWith((p) => (p.id = 'good')));
    const bad = write('bad.pack.json', packWith((p) => {
      p.id = 'bad';
      for (const c of p.claims) c.id = `bad-${c.id}`;
      p.claims[0].stances[0].actor = 'nobody';
    }));
    expect(() => compilePacks(readPackFiles({ root, dirs: [], files: [good, bad], env: {} }), { now: NOW })).toThrow(PackValidationError);
  });
});
