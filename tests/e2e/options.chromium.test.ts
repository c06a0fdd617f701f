/**
 * The options page in Chromium: import a valid pack, then a broken one (its
 * errors are shown, nothing changes), and after a reload the installed
 * packs are exactly as before. Also axe-core on the page and its screenshot.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type TestBrowser } from '../../lib/cli/browser-harness/browsers';
import { builtExtensionDir, builtOutputDir, projectRoot } from './support/paths';
import { EXTENSION_PAGE_LAUNCH, newExtensionPage, pollUntil, type ExtensionPage } from './support/ux-harness';
import { runAxe } from './support/ux-scripts';

const packFile = (name: string) => path.join(projectRoot, 'tests/fixtures/user-packs', name);

interface OptionsSnapshot {
  rows: { id: string; text: string; enabled: boolean; removable: boolean }[];
  status: string;
  errors: { field: string; text: string }[];
}

function readOptions(): OptionsSnapshot {
  return {
    rows: [...document.querySelectorAll('tbody tr')].map((tr) => ({
      id: tr.getAttribute('data-pack-id') ?? '',
      text: (tr.textContent ?? '').replace(/\s+/g, ' ').trim(),
      enabled: tr.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? false,
      removable: tr.querySelector('button') !== null,
    })),
    status: document.querySelector('.import-status')?.textContent ?? '',
    errors: [...document.querySelectorAll('.import-errors li')].map((li) => ({ field: li.getAttribute('data-field') ?? '', text: li.textContent ?? '' })),
  };
}

describe('options page in chromium', () => {
  let browser: TestBrowser;
  let options: ExtensionPage;
  const snapshot = () => options.evaluate(readOptions, null);

  beforeAll(async () => {
    browser = await launchWithExtension('chromium', builtExtensionDir('chromium'), EXTENSION_PAGE_LAUNCH);
    options = await newExtensionPage(browser);
    await options.open('/options.html');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the bundled pack, switched on and not removable', async () => {
    const s = await pollUntil(snapshot, (x) => x.rows.length > 0);
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({ enabled: true, removable: false });
    expect(s.rows[0]!.text).toContain('Ships with Claimlens');
  });

  it('imports a valid pack, refuses a broken one with its errors, and keeps the packs unchanged after a reload', async () => {
    await options.chooseFile('input[type="file"]', packFile('community.pack.json'));
    const installed = await pollUntil(snapshot, (x) => x.rows.some((r) => r.id === 'community-test'));
    // The pack's title sits in Unicode isolates (lib/i18n.ts isolate), invisible on screen.
    expect(installed.status).toContain('Installed \u2068Community test pack\u2069: 1 claim.');
    const row = installed.rows.find((r) => r.id === 'community-test')!;
    for (const part of ['Community test pack', '2.1.0', 'Claimlens tests', 'CC0-1.0']) expect(row.text).toContain(part);
    expect(row).toMatchObject({ enabled: true, removable: true });

    await options.chooseFile('input[type="file"]', packFile('broken.pack.json'));
    const refused = await pollUntil(snapshot, (x) => x.errors.length > 0);
    expect(refused.errors.map((e) => e.field).sort()).toEqual(['actor', 'text']);
    for (const e of refused.errors) expect(e.text).toMatch(/^broken\.pack\.json: claim "broken-test:no-text" \(\$\.claims\[0\]/);
    expect(refused.rows.map((r) => r.id)).toEqual(installed.rows.map((r) => r.id));

    await options.open('/options.html');
    const reloaded = await pollUntil(snapshot, (x) => x.rows.length > 0);
    expect(reloaded.rows).toEqual(installed.rows);
    expect(reloaded.errors).toEqual([]);
  });

  it('axe-core finds no violations on the options page', async () => {
    await options.evaluateSource(readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await options.evaluate(runAxe, { exclude: [] });
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('takes the README screenshot of the options page', async () => {
    const file = path.join(builtOutputDir, 'e2e', 'options-chromium.png');
    await mkdir(path.dirname(file), { recursive: true });
    await options.screenshot(file);
    if (process.env.CLAIMLENS_SCREENSHOTS === '1') {
      await mkdir(path.join(projectRoot, 'docs/screenshots'), { recursive: true });
      await copyFile(file, path.join(projectRoot, 'docs/screenshots/options.png'));
    }
  });

  it('keeps a pack whose title and source name are long unbroken words inside the page, without a sideways scroll', async () => {
    // A pack maintainer's long identifier-like title (or a hostile one): after the screenshot, which it must not change.
    const pack = JSON.parse(readFileSync(packFile('community.pack.json'), 'utf8')) as Record<string, unknown>;
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'claimlens-long-')), 'long.pack.json');
    await writeFile(file, JSON.stringify({ ...pack, id: 'long-test', title: `Long${'_title'.repeat(60)}`, source: { name: `Source${'_name'.repeat(60)}` }, claims: [{ id: 'long-test:c', text: 'The Exampleton harbour bridge toll rose by forty cents last spring.' }], actors: [], entities: [] }));
    await options.chooseFile('input[type="file"]', file);
    await pollUntil(snapshot, (x) => x.rows.some((r) => r.id === 'long-test'));
    const widths = await options.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }), null);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });
});
