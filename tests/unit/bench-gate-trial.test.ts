// The gate trial's builds (lib/cli/bench/gate-trial.ts), without a browser:
// each is a loadable extension with one content script, the "parsed" one
// never runs the shipped script, and the bare ones carry the gate's code
// but no extension API.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTrial, formatTrial, type TrialRow } from '../../lib/cli/bench/gate-trial';

let workDir = '';
afterEach(() => rmSync(workDir, { recursive: true, force: true }));

/** A stand-in for the shipped build: a manifest and one content script that would throw if it ran. */
function fakeShipped(dir: string): string {
  mkdirSync(path.join(dir, 'content-scripts'), { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x', version: '1', content_scripts: [{ matches: ['http://*/*'], js: ['content-scripts/content.js'] }] }));
  writeFileSync(path.join(dir, 'content-scripts/content.js'), '(function(){throw new Error("ran")})();');
  return dir;
}

function contentScript(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  expect(manifest.content_scripts).toHaveLength(1);
  return readFileSync(path.join(dir, manifest.content_scripts[0]!.js[0]!), 'utf8');
}

describe('the gate trial builds', () => {
  it('makes five extensions, from a one-line script to the shipped one', async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'gate-trial-test-'));
    const shipped = fakeShipped(path.join(workDir, 'shipped'));
    const builds = await buildTrial(workDir, shipped);
    expect(builds.map((b) => b.name)).toEqual(['minimal', 'parsed', 'gate', 'gate+observer', 'shipped']);
    for (const b of builds) expect(Buffer.byteLength(contentScript(b.dir))).toBe(b.scriptBytes);

    // Parsed, never run: evaluating it must not throw the stand-in's error.
    const parsed = contentScript(builds[1]!.dir);
    expect(parsed.endsWith('(function(){throw new Error("ran")})();')).toBe(true);
    expect(() => new Function(parsed)()).not.toThrow();
    expect(() => new Function(contentScript(shipped))()).toThrow('ran');

    // The bare builds hold the gate (its JSON-LD types) and touch no extension API.
    for (const b of builds.slice(2, 4)) {
      const code = contentScript(b.dir);
      expect(code).toContain('NewsArticle');
      expect(code).not.toMatch(/\b(chrome|browser)\.runtime\b/);
    }
    expect(contentScript(builds[3]!.dir)).toContain('MutationObserver');
    expect(contentScript(builds[2]!.dir)).not.toContain('MutationObserver');
  });

  it('reports one row per build and page', () => {
    const trace = { extWallMs: 1.5, extCpuMs: 1.25, extCompileMs: 0.5, longestExtTaskMs: 1, longestExtTaskCpuMs: 1, longExtTasks: 0, mainThreadMs: 10, found: true };
    const build = { name: 'gate', what: 'the gate alone, bundled bare', dir: '/x', scriptBytes: 1812 };
    const rows: TrialRow[] = [{ build, page: 'plain', trace }, { build, page: 'mathjax', trace }];
    const table = formatTrial(rows, 'Chrome/1');
    expect(table).toContain('| gate | the gate alone, bundled bare | 1,812 | plain | 1.50 / 1.25 | 0.50 |');
    expect(table.split('\n').filter((l) => l.startsWith('| gate |'))).toHaveLength(2);
  });
});
