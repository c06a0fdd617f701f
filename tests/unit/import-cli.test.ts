// `claims import`, `claims build-research-packs`, `claims measure-index` pieces, and the
// progress display, run in-process with captured output (plus one real `claims` process).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackFiles } from '../../lib/build/read-packs';
import { compilePacks } from '../../lib/claims/compile';
import { validatePack } from '../../lib/claims/validate';
import { annotateCommand } from '../../lib/cli/annotate-command';
import { buildResearchPacksCommand } from '../../lib/cli/build-research-packs-command';
import { memoryIo } from '../../lib/cli/command-io';
import { importCommand } from '../../lib/cli/import-command';
import { measureIndex, measurementTable } from '../../lib/cli/measure-index-command';
import { createProgress } from '../../lib/cli/progress';
import { syntheticPack } from '../../lib/cli/synthetic-pack';
import { HAS_SHARED, PROJECT_ROOT } from '../support/shared';
import { CLAIMREVIEW_DIR, NOW, removeTempDirs, SHARED_NOTE, tempDir } from './import-helpers';

afterAll(removeTempDirs);

const EXAMPLE = path.join(CLAIMREVIEW_DIR, 'schemaorg-issue1061-politifact-example.jsonld');

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('claims import', () => {
  it('answers usage errors with exit code 2', async () => {
    const io = memoryIo();
    expect(await importCommand([], io)).toBe(2);
    expect(io.err()).toMatch(/Usage: claims import/);
    expect(await importCommand(['x.json'], memoryIo())).toBe(2); // no --out
    expect(await importCommand(['x.json', '--out', 'y', '--format', 'csv'], memoryIo())).toBe(2);
    expect(await importCommand(['x.json', '--bogus'], memoryIo())).toBe(2);
    // A source URL is never paired with a name it was not given with.
    const urlOnly = memoryIo();
    expect(await importCommand(['x.json', '--out', 'y', '--source-url', 'https://factcheck.example/'], urlOnly)).toBe(2);
    expect(urlOnly.err()).toMatch(/--source-url needs --source-name/);
  });

  it('fails with exit code 1 and writes nothing for an unknown format', async () => {
    const dir = tempDir();
    const input = writeJson(dir, 'odd.json', { headline: 'x' });
    const out = path.join(dir, 'odd.pack.json');
    const io = memoryIo();
    expect(await importCommand([input, '--out', out], io)).toBe(1);
    expect(io.err()).toMatch(/unknown input format: the first record has the keys \{headline\}/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes a JSONL input as a valid pack with the given metadata, and prints a summary', async () => {
    const dir = tempDir();
    const lines = [
      { claimReviewed: 'Cats can read.', url: 'https://check.example/cats', author: { name: 'Check' }, reviewRating: { alternateName: 'False' }, itemReviewed: { author: 'Bob Stone' } },
      null,
      { claimReviewed: 'Dogs can write.', url: 'https://check.example/dogs', author: { name: 'Check' }, reviewRating: { alternateName: 'True' } },
    ];
    const input = writeJson(dir, 'reviews.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
    const out = path.join(dir, 'nested/out.pack.json');
    const io = memoryIo();
    const code = await importCommand([input, '--out', out, '--id', 'my-checks', '--title', 'My checks', '--license', 'CC-BY-4.0'], io);
    expect(code, io.err()).toBe(0);
    const pack = JSON.parse(readFileSync(out, 'utf8')) as { id: string; title: string; license: string; claims: { id: string }[] };
    expect(validatePack(pack, out, { now: NOW }).errors).toEqual([]);
    expect(pack).toMatchObject({ id: 'my-checks', title: 'My checks', license: 'CC-BY-4.0' });
    expect(pack.claims.map((c) => c.id)).toEqual(['my-checks:check-example-cats', 'my-checks:check-example-dogs']);
    expect(io.err()).toMatch(/claimreview: 3 records → 2 claims, 1 actors, 2 reviews, 1 stances, 0 appearances, 0 warnings, 0 errors/);
    expect(io.err()).toMatch(/1 empty record/);
  });

  it('names a pack after its --out file unless --id says otherwise, and checks --id and --language first', async () => {
    const dir = tempDir();
    const review = { claimReviewed: 'Cats can read.', url: 'https://check.example/cats', author: { name: 'Check' }, reviewRating: { alternateName: 'False' } };
    const input = writeJson(dir, 'feed.json', review);
    const out = path.join(dir, 'City Checks.pack.json');
    expect(await importCommand([input, '--out', out, '--quiet'], memoryIo())).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: 'city-checks', claims: [{ id: 'city-checks:check-example-cats' }] });
    for (const [option, value] of [['--id', 'My Pack'], ['--language', 'English']]) {
      const io = memoryIo();
      const bad = path.join(dir, 'bad.pack.json');
      expect(await importCommand([input, '--out', bad, option!, value!], io)).toBe(2);
      expect(io.err()).toMatch(new RegExp(`^${option} "${value}": must be a`));
      expect(existsSync(bad)).toBe(false);
    }
  });

  it('refuses to import a Claimlens pack, which it would take for other data', async () => {
    const dir = tempDir();
    const pack = writeJson(dir, 'mine.pack.json', { format: 'claimlens-pack/1', id: 'mine', claims: [] });
    const io = memoryIo();
    expect(await importCommand([pack, '--out', path.join(dir, 'x.pack.json')], io)).toBe(1);
    expect(io.err()).toMatch(/this is a Claimlens pack already, not data to import: check it with `claims check <file>`/);
  });

  it.skipIf(!HAS_SHARED)(`prints the pack on stdout with --out -, quietly with --quiet${SHARED_NOTE}`, async () => {
    const io = memoryIo();
    expect(await importCommand([EXAMPLE, '--out', '-', '--quiet'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ format: 'claimlens-pack/1', claims: [{ text: expect.stringContaining('3,000 homicides') }] });
    expect(io.err()).toBe('');
  });

  it.skipIf(!HAS_SHARED)(`is registered in the claims command line${SHARED_NOTE}`, () => {
    const out = path.join(tempDir(), 'example.pack.json');
    const tsx = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
    const stdout = execFileSync(tsx, ['lib/cli/claims.ts', 'import', EXAMPLE, '--out', out], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(stdout).toBe(''); // the summary goes to stderr; stdout stays clean for --out -
    expect(JSON.parse(readFileSync(out, 'utf8')).claims).toHaveLength(1);
  });
});

describe('progress', () => {
  it('prints a line per 10 % when stderr is not a terminal', () => {
    const io = memoryIo();
    const progress = createProgress('importing x', io.stderr, { minTotal: 10 });
    for (let done = 1; done <= 100; done++) progress.update(done, 100);
    progress.finish();
    expect(io.err().trim().split('\n')).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((p) => `importing x: ${p}% (${p}/100)`));
  });

  it('redraws one line on a terminal and clears it at the end', () => {
    const written: string[] = [];
    const progress = createProgress('importing x', { write: (t: string) => written.push(t), isTTY: true }, { minTotal: 10 });
    progress.update(100, 100);
    progress.finish();
    expect(written[0]).toMatch(/^\rimporting x \[#{30}\] 100% 100\/100/);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('shows nothing for small jobs or with --quiet', () => {
    const io = memoryIo();
    createProgress('a', io.stderr).update(50, 100);
    createProgress('b', io.stderr, { quiet: true, minTotal: 1 }).update(50, 100);
    expect(io.err()).toBe('');
  });
});

describe.skipIf(!HAS_SHARED)(`claims build-research-packs${SHARED_NOTE}`, () => {
  it('builds the three research packs into the given folder, usable through CLAIMLENS_PACKS', async () => {
    const dir = tempDir();
    const io = memoryIo();
    expect(await buildResearchPacksCommand(['--out-dir', dir, '--quiet'], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/52,731 claims in 3 research packs/);
    expect(readFileSync(path.join(dir, 'NOTICE.txt'), 'utf8')).toMatch(/research/);
    const file = path.join(dir, 'checkthat-2b.pack.json');
    const packs = readPackFiles({ root: PROJECT_ROOT, env: { CLAIMLENS_PACKS: file } });
    const { index } = compilePacks(packs);
    expect(index.body.packs.map((p) => p.id)).toContain('checkthat-2b');
    expect(index.body.packs.find((p) => p.id === 'checkthat-2b')!.license).toMatch(/research use/);
  });
});

describe('claims measure-index', () => {
  it('labels synthetic filler as such and keeps it valid', () => {
    const pack = syntheticPack(['The quick brown fox jumps over the lazy dog.', 'Taxes went up by ten percent last year.'], 50);
    expect(validatePack(pack, 'synthetic', { now: NOW }).errors).toEqual([]);
    expect(pack.title).toMatch(/^SYNTHETIC/);
    expect(pack.claims.every((c) => c.id.startsWith('synthetic-filler:'))).toBe(true);
    expect(syntheticPack(['a b c d'], 5)).toEqual(syntheticPack(['a b c d'], 5)); // deterministic
  });

  it('measures size per claim and times, and prints them as a table', () => {
    const texts = Array.from({ length: 30 }, (_, i) => `Claim number ${i} says the river rose by ${i} metres in spring.`);
    const row = measureIndex('tiny', [{ file: 'synthetic.pack.json', pack: syntheticPack(texts, 200) }], 2, 200);
    expect(row).toMatchObject({ label: 'tiny', claims: 200, syntheticClaims: 200 });
    expect(row.bytesPerClaim).toBeGreaterThan(100);
    expect(row.gzipBytesPerClaim).toBeLessThan(row.bytesPerClaim);
    expect(row.compileMs).toBeGreaterThan(0);
    const table = measurementTable([row]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toMatch(/\| tiny \| 200 \(200\) \|/);
  });
});

describe('claims build-research-packs', () => {
  it('refuses to write research packs where every pack ships (assets/claims)', async () => {
    const io = memoryIo();
    const inside = path.join(PROJECT_ROOT, 'assets/claims/research');
    expect(await buildResearchPacksCommand(['--out-dir', inside], io)).toBe(2);
    expect(io.err()).toMatch(/is inside assets\/claims, whose packs ship in the extension/);
    expect(existsSync(inside)).toBe(false);
  });
});

describe('claims annotate', () => {
  const demo = path.join(PROJECT_ROOT, 'assets/demo/seed-article.html');

  it('prints what the content script would mark on a saved page, as JSON with --json', async () => {
    const io = memoryIo();
    expect(await annotateCommand([demo, '--json'], io)).toBe(0);
    const marks = JSON.parse(io.out()) as { claimId: string; text: string }[];
    expect(marks.length).toBeGreaterThan(10);
    expect(marks.every((m) => m.text.length > 20 && m.claimId !== '')).toBe(true);
  });

  it('answers an unknown option or a missing page with 2, naming the problem', async () => {
    const typo = memoryIo();
    expect(await annotateCommand([demo, '--jsn'], typo)).toBe(2);
    expect(typo.err()).toMatch(/Unknown option '--jsn'/);
    const none = memoryIo();
    expect(await annotateCommand([], none)).toBe(2);
    expect(none.err()).toMatch(/^give one saved page \(got 0\)/);
  });
});

