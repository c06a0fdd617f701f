// The gate-first split, checked on the built extensions (.output/, after
// `npm run build`): every page gets only the small gate script; the
// annotator (card, Preact, DOMPurify, floating-ui, the page session) and
// the marks' CSS are files the background injects into articles
// (lib/background/annotator.ts), so they must exist where it looks for them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATOR_CSS, ANNOTATOR_SCRIPT } from '../../lib/background/annotator';
import { builtExtensionDir, type BrowserName } from './support/paths';

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
/** What every http(s) page pays to parse: it was 139 KB before the split, 19 KB after. */
const GATE_SCRIPT_BUDGET_BYTES = 24 * 1024;

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
}

describe.each(BROWSERS)('the %s build', (browser) => {
  const dir = () => builtExtensionDir(browser);
  const manifest = () => JSON.parse(readFileSync(path.join(dir(), 'manifest.json'), 'utf8')) as Manifest;

  it('declares one content script, the small gate, with no CSS', () => {
    const scripts = manifest().content_scripts ?? [];
    expect(scripts.map((s) => s.js)).toEqual([['content-scripts/content.js']]);
    expect(scripts.flatMap((s) => s.css ?? [])).toEqual([]);
    const gate = path.join(dir(), 'content-scripts/content.js');
    expect(statSync(gate).size).toBeLessThanOrEqual(GATE_SCRIPT_BUDGET_BYTES);
    // Nothing of the card, its sanitiser or the marks travels with the gate.
    const code = readFileSync(gate, 'utf8');
    for (const marker of ['claimlens-card', 'claimlens-mark', 'DOMPurify', 'ALLOWED_TAGS']) expect(code, marker).not.toContain(marker);
  });

  it('ships the annotator and its CSS where the background injects them from', () => {
    for (const file of [ANNOTATOR_SCRIPT, ANNOTATOR_CSS]) expect(existsSync(path.join(dir(), file)), file).toBe(true);
    expect(readFileSync(path.join(dir(), ANNOTATOR_CSS), 'utf8')).toContain('claimlens-mark');
    expect(readFileSync(path.join(dir(), ANNOTATOR_SCRIPT), 'utf8')).toContain('claimlens-card');
  });
});
