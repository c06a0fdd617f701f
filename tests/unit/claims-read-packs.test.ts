import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lineColumn, listPackFiles, PackReadError, parsePackJson, readPackFiles } from '../../lib/build/read-packs';
import { fixturePath } from './claims-helpers';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'claimlens-packs-'));
  mkdirSync(path.join(root, 'assets/claims'), { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): void {
  writeFileSync(path.join(root, rel), text);
}

/** Message of the PackReadError that `fn` throws. */
function readError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PackReadError);
    return (err as Error).message;
  }
  throw new Error('expected a PackReadError');
}

describe('readPackFiles', () => {
  it('reads assets/claims/*.pack.json in sorted order and ignores other files', () => {
    write('assets/claims/b.pack.json', '{"id":"b"}');
    write('assets/claims/a.pack.json', '{"id":"a"}');
    write('assets/claims/notes.json', '{}');
    write('assets/claims/README.md', '# packs');
    const packs = readPackFiles({ root, env: {} });
    expect(packs.map((p) => p.file)).toEqual(['assets/claims/a.pack.json', 'assets/claims/b.pack.json']);
    expect(packs.map((p) => p.pack)).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(packs[0]!.absPath).toBe(path.join(root, 'assets/claims/a.pack.json'));
  });

  it('adds the comma-separated CLAIMLENS_PACKS files, relative to the current directory, once each', () => {
    write('assets/claims/a.pack.json', '{"id":"a"}');
    const valid = fixturePath('valid');
    const env = { CLAIMLENS_PACKS: ` ${valid}, ,${path.join(root, 'assets/claims/a.pack.json')}` };
    const files = listPackFiles({ root, env });
    expect(files).toEqual([path.join(root, 'assets/claims/a.pack.json'), path.resolve(valid)]);
    expect(readPackFiles({ root, env })[1]!.pack).toMatchObject({ id: 'fixture-valid' });
  });

  it('reads CLAIMLENS_PACKS paths from where npm was started (INIT_CWD), not from the project root npm moves to', () => {
    mkdirSync(path.join(root, 'packs'));
    write('packs/mine.pack.json', '{"id":"mine"}');
    const env = { CLAIMLENS_PACKS: 'mine.pack.json', INIT_CWD: path.join(root, 'packs') };
    expect(listPackFiles({ root, env })).toEqual([path.join(root, 'packs/mine.pack.json')]);
  });

  it('reads nothing when the pack folder does not exist', () => {
    expect(readPackFiles({ root, dirs: ['no/such/dir'], env: {} })).toEqual([]);
  });

  it('names a missing extra pack file', () => {
    const message = readError(() => readPackFiles({ root, env: { CLAIMLENS_PACKS: path.join(root, 'gone.pack.json') } }));
    expect(message).toContain('gone.pack.json: cannot read the file (ENOENT)');
  });

  it('names the file, line and column of a JSON syntax error, for every bad file', () => {
    write('assets/claims/a.pack.json', '{\n  "id": "a",\n  "claims": [1, 2,]\n}\n');
    write('assets/claims/b.pack.json', '{\n  "id": "b"');
    const message = readError(() => readPackFiles({ root, env: {} }));
    const lines = message.split('\n');
    expect(lines[0]).toBe('Cannot read claim packs:');
    expect(lines[1]).toMatch(/^ {2}assets\/claims\/a\.pack\.json:3:19: invalid JSON — /);
    // A truncated file points at its end.
    expect(lines[2]).toMatch(/^ {2}assets\/claims\/b\.pack\.json:2:12: invalid JSON — /);
  });

  it('reports the broken fixture with its line and column', () => {
    const message = readError(() => readPackFiles({ root: process.cwd(), dirs: [], files: [fixturePath('invalid-json')], env: {} }));
    expect(message).toContain('tests/fixtures/packs/invalid-json.pack.json:5:1: invalid JSON');
  });

  it('tolerates a byte-order mark', () => {
    expect(parsePackJson('\ufeff{"id":"a"}', 'a.pack.json')).toEqual({ id: 'a' });
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
