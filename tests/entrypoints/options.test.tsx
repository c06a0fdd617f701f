// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { OptionsController } from '../../entrypoints/options/OptionsController';
import { sendToBackground } from '../../lib/messages';
import { getPackState } from '../../lib/storage/packs';
import { getSettings, updateSettings } from '../../lib/storage/settings';
import { bridgeToBackground, resetFakeExtension } from '../support/fake-extension';

// jsdom gives import.meta.url another base, so fixtures are found from the project root.
const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/user-packs', name), 'utf8');

let container: HTMLElement;

/** Waits until `check` passes (the page loads and saves asynchronously). */
async function until(check: () => unknown, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
  }
}

const rows = () => [...container.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-pack-id'));
const row = (id: string) => container.querySelector(`tr[data-pack-id="${id}"]`)!;

async function choose(name: string, text = fixture(name)) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function mount() {
  container = document.createElement('div');
  document.body.appendChild(container);
  await act(() => render(<OptionsController browserName="chrome" />, container));
  await until(() => expect(rows().length).toBeGreaterThan(0));
}

/** Installs the community pack through the page, then closes the page (to reopen it on changed storage). */
async function installCommunityAndClose() {
  await mount();
  await choose('community.pack.json');
  await until(() => expect(rows()).toContain('community-test'));
  render(null, container);
  container.remove();
}

beforeEach(async () => {
  await resetFakeExtension();
  background.main();
  bridgeToBackground();
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it("says why the packs cannot be listed when the background does not answer, instead of \"Loading…\" for good", async () => {
    fakeBrowser.runtime.sendMessage = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as typeof fakeBrowser.runtime.sendMessage;
    container = document.createElement('div');
    document.body.appendChild(container);
    await act(() => render(<OptionsController browserName="chrome" />, container));
    await until(() => expect(container.querySelector('[role="alert"]')?.textContent).toContain('Receiving end does not exist'));
    expect(container.textContent).not.toContain('Loading…');
    // The settings do not need the background: they stay usable.
    expect(container.querySelector('input[name="style"]')).not.toBeNull();
  });

  it('lists the bundled packs with name, version, claim count, source and licence, and no Remove', async () => {
    await mount();
    const [bundled] = rows();
    const text = row(bundled!).textContent!;
    expect(text).toContain('Ships with Claimlens');
    expect(row(bundled!).querySelectorAll('td').length).toBe(6);
    expect(row(bundled!).querySelector('button')).toBeNull();
    expect(row(bundled!).querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
  });

  it('imports a valid pack and lists it', async () => {
    await mount();
    await choose('community.pack.json');
    await until(() => expect(rows()).toContain('community-test'));
    // The pack's title sits in Unicode isolates (lib/i18n.ts isolate), invisible on screen.
    expect(container.querySelector('.import-status')!.textContent).toContain('Installed \u2068Community test pack\u2069: 1 claim.');
    const text = row('community-test').textContent!;
    for (const part of ['Community test pack', '2.1.0', '1', 'Claimlens tests', 'CC0-1.0', 'community.pack.json']) expect(text).toContain(part);
  });

  it('shows every validation error of a broken pack and changes nothing', async () => {
    await mount();
    await choose('community.pack.json');
    await until(() => expect(rows()).toContain('community-test'));
    const before = await getPackState();
    await choose('broken.pack.json');
    await until(() => expect(container.querySelector('.import-errors')).not.toBeNull());
    const alert = container.querySelector('.import-errors')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('\u2068broken.pack.json\u2069 was not imported. Nothing was changed.');
    const issues = [...alert.querySelectorAll('li')];
    expect(issues.map((li) => li.getAttribute('data-field')).sort()).toEqual(['actor', 'text']);
    for (const li of issues) {
      expect(li.textContent).toMatch(/^broken\.pack\.json: claim "broken-test:no-text" \(\$\.claims\[0\]/);
    }
    expect(await getPackState()).toEqual(before);
    expect(rows()).not.toContain('broken-test');
  });

  it('says when a file is not JSON at all', async () => {
    await mount();
    await choose('notes.txt', 'this is not a pack');
    await until(() => expect(container.querySelector('.import-errors')?.textContent).toMatch(/neither JSON nor JSONL/));
  });

  it('refuses a file over the size limit by its size, without reading it into memory, and says so', async () => {
    await mount();
    const before = await getPackState();
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    // A 3 GB export: more than a string can hold, so reading it fails in a real browser.
    Object.defineProperty(file, 'size', { value: 3 * 1024 ** 3 });
    let read = false;
    file.text = async () => {
      read = true;
      throw new DOMException('The requested file could not be read', 'NotReadableError');
    };
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => expect(container.querySelector('.import-errors')?.textContent).toMatch(/huge\.json.*the file is 3072\.0 MB.*over the 50\.0 MB limit/));
    expect(read).toBe(false);
    expect(await getPackState()).toEqual(before);
  });

  it('switches a pack off and on', async () => {
    await mount();
    const [bundled] = rows();
    const box = () => row(bundled!).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    await act(() => box().click());
    await until(async () => expect(box().checked).toBe(false));
    expect((await getPackState()).disabled).toEqual([bundled]);
    await act(() => box().click());
    await until(() => expect(box().checked).toBe(true));
    await until(async () => expect((await getPackState()).disabled).toEqual([]));
  });

  it('says so when a pack cannot be switched, naming the pack and the reason, and shows it as it still is', async () => {
    await mount();
    const [bundled] = rows();
    const box = () => row(bundled!).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = (async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    }) as typeof set;
    try {
      await act(() => box().click());
      await until(() => expect(container.querySelector('#packs-heading ~ [role="alert"]')?.textContent).toMatch(/Fox News.*QUOTA_BYTES quota exceeded/s));
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect(box().checked).toBe(true);
    expect((await getPackState()).disabled).toEqual([]);
    // The next change that works clears the message.
    await act(() => box().click());
    await until(() => expect(box().checked).toBe(false));
    expect(container.querySelector('#packs-heading ~ [role="alert"]')).toBeNull();
  });

  it('keeps a user pack when the reader does not confirm its removal', async () => {
    await mount();
    await choose('community.pack.json');
    await until(() => expect(rows()).toContain('community-test'));
    const before = await getPackState();
    const asked: string[] = [];
    vi.spyOn(window, 'confirm').mockImplementation((message) => (asked.push(String(message)), false));
    await act(() => row('community-test').querySelector('button')!.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/Remove the pack \u2068Community test pack\u2069\?.*import its file again/);
    expect(rows()).toContain('community-test');
    expect(await getPackState()).toEqual(before);
  });

  it('removes a user pack once the reader confirms', async () => {
    await mount();
    await choose('community.pack.json');
    await until(() => expect(rows()).toContain('community-test'));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const remove = row('community-test').querySelector('button')!;
    remove.focus();
    await act(() => remove.click());
    await until(() => expect(rows()).not.toContain('community-test'));
    expect((await getPackState()).user).toEqual([]);
    // Its button went with the row: keyboard focus stays in the packs section.
    await until(() => expect(document.activeElement?.id).toBe('packs-heading'));
  });

  it('saves highlight style and sensitivity, lists switched-off sites, and shows the shortcut', async () => {
    await updateSettings(() => ({ disabledSites: ['news.example', 'other.example'] }));
    await mount();
    await until(() => expect(container.querySelector('.shortcut')?.textContent).toBe('Move focus to the next highlighted claim: Alt+Shift+J'));
    expect(container.textContent).toContain('chrome://extensions/shortcuts');
    await act(() => container.querySelector<HTMLInputElement>('input[name="style"][value="background"]')!.click());
    await act(() => container.querySelector<HTMLInputElement>('input[name="sensitivity"][value="thorough"]')!.click());
    await until(async () => expect(await getSettings()).toMatchObject({ highlightStyle: 'background', sensitivity: 'thorough' }));
    const siteButton = container.querySelector<HTMLButtonElement>('button[aria-label="Switch back on for news.example"]')!;
    await act(() => siteButton.click());
    await until(async () => expect((await getSettings()).disabledSites).toEqual(['other.example']));
    await until(() => expect(container.querySelector('.sites')!.textContent).not.toContain('news.example'));
  });

  it('lists, builds the index and imports when the stored pack list holds damaged entries, keeping the usable ones', async () => {
    await installCommunityAndClose();
    // A hand-edited or half-written storage.local: junk entries, and the real one with its display fields gone.
    const { packs } = (await fakeBrowser.storage.local.get('packs')) as { packs: { user: Record<string, unknown>[] } };
    const bare = { id: 'community-test', bodyKey: packs.user[0]!.bodyKey, source: null, claimCount: 'many' };
    await fakeBrowser.storage.local.set({ packs: { user: [null, 'junk', { title: 'no id' }, bare], disabled: [7, null] } });
    await mount();
    await until(() => expect(rows()).toContain('community-test'));
    expect(rows().filter((id) => !id)).toEqual([]);
    expect(row('community-test').querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
    // The index builds with the pack's body (no "failed to load" or "could not be read" alert).
    expect(await sendToBackground('index-status', {})).toMatchObject({ ok: true });
    expect(container.querySelector('[role="alert"]')).toBeNull();
    // Importing still works on top of it.
    await choose('community.pack.json');
    await until(() => expect(container.querySelector('.import-status')?.textContent).toContain('Updated'));
  });

  it('names a pack whose stored body cannot be read, as left out, while the other packs work', async () => {
    await installCommunityAndClose();
    // The background starts again where IndexedDB cannot be opened (Firefox's private windows).
    const saved = globalThis.indexedDB;
    (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
    try {
      fakeBrowser.runtime.onMessage.removeAllListeners();
      background.main();
      await mount();
      await until(() => expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/could not be read and are left out; the other packs still work.*pack "community-test"/));
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
