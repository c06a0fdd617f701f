import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { claimPacksPlugin, VIRTUAL_INDEX_ID, type ClaimPacksPluginOptions } from '../../lib/build/claim-packs-plugin';
import { loadIndex } from '../../lib/claims/load-index';
import { RESEARCH_LICENSE } from '../../lib/claims/research-licence';
import { NOW, fixturePath } from './claims-helpers';

/** Plugin options that read only the given fixture packs. */
function only(...names: string[]): ClaimPacksPluginOptions {
  return { root: process.cwd(), dirs: [], files: names.map(fixturePath), env: {}, now: NOW };
}

/**
 * The index text in generated or bundled code: the plugin emits
 * `export default "<index as JSON>";` (a bundler may rename the binding), so
 * reading the string literal back is enough to check it, without evaluating code.
 */
function exportedText(code: string): string {
  const literal = /("\{\\"format\\":(?:[^"\\]|\\.)*")/.exec(code)?.[1];
  expect(literal, code.slice(0, 200)).toBeDefined();
  return JSON.parse(literal!) as string;
}

/** Calls the plugin's hooks directly, with a recording stand-in for Rollup's context. */
function loadDirectly(options: ClaimPacksPluginOptions) {
  const plugin = claimPacksPlugin(options);
  const context = { addWatchFile: vi.fn(), warn: vi.fn(), error: vi.fn((message: string) => { throw new Error(message); }) };
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as unknown as (this: typeof context, id: string) => string | undefined;
  const resolved = resolveId(VIRTUAL_INDEX_ID)!;
  return { context, resolveId, run: () => load.call(context, resolved), load: (id: string) => load.call(context, id) };
}

/** Builds the virtual module with the real Vite (Rolldown) pipeline. */
async function viteBuild(options: ClaimPacksPluginOptions): Promise<string> {
  const result = await build({
    configFile: false,
    root: process.cwd(),
    logLevel: 'silent',
    plugins: [claimPacksPlugin(options)],
    build: {
      write: false,
      minify: false,
      // The virtual module itself is the entry; keep its default export.
      rollupOptions: { input: VIRTUAL_INDEX_ID, preserveEntrySignatures: 'strict' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs[0]!.output.find((item) => item.type === 'chunk');
  return (chunk as Rollup.OutputChunk).code;
}

/** The message of the error a Vite build of the given fixtures fails with. */
async function buildFailure(...names: string[]): Promise<string> {
  try {
    await viteBuild(only(...names));
  } catch (err) {
    return String((err as Error).message);
  }
  throw new Error('expected the build to fail');
}

describe('claimPacksPlugin: load hook', () => {
  it('serves the compiled index as JSON text, and watches each pack', () => {
    const { context, resolveId, run } = loadDirectly(only('valid'));
    expect(resolveId('some/other/module')).toBeUndefined();
    const code = run()!;
    expect(code).toMatch(/^export default ".*";\n$/s);
    const index = loadIndex(exportedText(code));
    expect(index.body.claims.map((c) => c.id)).toEqual(['flynn-discussed-sanctions', 'flynn-misled-pence']);
    expect(context.addWatchFile).toHaveBeenCalledWith(path.resolve(fixturePath('valid')));
    expect(context.warn).not.toHaveBeenCalled();
  });

  it('ignores other modules', () => {
    const { load } = loadDirectly(only('valid'));
    expect(load('/src/main.ts')).toBeUndefined();
  });

  it('prints each warning as a formatted line', () => {
    const { context, run } = loadDirectly(only('warnings'));
    run();
    expect(context.warn.mock.calls.map(([line]) => line)).toEqual([
      expect.stringMatching(/^tests\/fixtures\/packs\/warnings\.pack\.json: warning: claim "flynn-discussed-sanctions" \(\$\.claims\[0\]\.stances\[0\]\.source\.url\): field "url": /),
      expect.stringMatching(/^tests\/fixtures\/packs\/warnings\.pack\.json: warning: claim "flynn-discussed-sanctions" \(\$\.claims\[0\]\.reviews\[0\]\.date\): field "date": /),
      expect.stringMatching(/^tests\/fixtures\/packs\/warnings\.pack\.json: warning: claim "flynn-sanctions-repeat" \(\$\.claims\[2\]\.text\): field "text": /),
    ]);
  });

  it('warns when there are no packs at all', () => {
    const { context, run } = loadDirectly({ ...only(), dirs: ['tests/fixtures/no-such-dir'] });
    run();
    expect(context.warn).toHaveBeenCalledWith('no claim packs found: the extension will highlight nothing');
  });

  it('refuses to bundle a research-only pack, unless the build says it stays on this machine', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-research-'));
    try {
      const file = path.join(dir, 'research.pack.json');
      const pack = JSON.parse(readFileSync(fixturePath('valid'), 'utf8')) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...pack, license: RESEARCH_LICENSE }));
      const options = { ...only(), files: [file] };
      expect(loadDirectly(options).run).toThrow(/research\.pack\.json: research-only data .*must never ship in the extension.*CLAIMLENS_ALLOW_RESEARCH_PACKS=1/);
      expect(loadDirectly({ ...options, env: { CLAIMLENS_ALLOW_RESEARCH_PACKS: '1' } }).run()).toMatch(/^export default /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still watches a broken pack, so that fixing it rebuilds', () => {
    const { context, run } = loadDirectly(only('unknown-actor'));
    expect(run).toThrow(/unknown actor "pence2"/);
    expect(context.addWatchFile).toHaveBeenCalledWith(path.resolve(fixturePath('unknown-actor')));
  });
});

describe('claimPacksPlugin: a Vite build', () => {
  it('bundles the index from valid packs', async () => {
    const code = await viteBuild(only('valid'));
    const index = loadIndex(exportedText(code));
    expect(index.body.packs.map((p) => p.id)).toEqual(['fixture-valid']);
  });

  it('fails on a missing field, naming file, claim and field', async () => {
    const message = await buildFailure('missing-field');
    expect(message).toContain(
      'tests/fixtures/packs/missing-field.pack.json: claim "flynn-misled-pence" ($.claims[1].text): field "text": required field is missing',
    );
  });

  it('fails on an unknown actor, naming file, claim and field', async () => {
    const message = await buildFailure('unknown-actor');
    expect(message).toContain(
      'tests/fixtures/packs/unknown-actor.pack.json: claim "flynn-misled-pence" ($.claims[1].stances[0].actor): field "actor": unknown actor "pence2"',
    );
  });

  it('fails on a duplicate claim id, naming file, claim and field', async () => {
    const message = await buildFailure('duplicate-id');
    expect(message).toContain(
      'tests/fixtures/packs/duplicate-id.pack.json: claim "flynn-discussed-sanctions" ($.claims[1].id): field "id": duplicate claim id',
    );
  });

  it('lists the errors of every broken pack in one failure', async () => {
    const message = await buildFailure('missing-field', 'unknown-actor', 'duplicate-id');
    expect(message).toContain('Claim packs have 3 errors:');
  });

  it('fails on a pack that is not JSON, naming file, line and column', async () => {
    const message = await buildFailure('invalid-json');
    expect(message).toContain('tests/fixtures/packs/invalid-json.pack.json:5:1: invalid JSON');
  });
});
