import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { ANNOTATOR_CSS, ANNOTATOR_SCRIPT } from '../../lib/background/annotator';
import type { AnnotateResult, IndexStatus, LoadAnnotatorResult } from '../../lib/messages';
import type { InstallOutcome, PackListing } from '../../lib/storage/pack-store';
import { getPackState } from '../../lib/storage/packs';
import { updateSettings } from '../../lib/storage/settings';
import { resetFakeExtension } from '../support/fake-extension';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/user-packs/${name}`, import.meta.url), 'utf8');
const OPTIONS_PAGE = { url: 'chrome-extension://test-extension-id/options.html' } as Browser.runtime.MessageSender;
const tab = (id: number) => ({ tab: { id }, url: 'https://news.example/story' }) as unknown as Browser.runtime.MessageSender;

async function send<T>(message: unknown, sender: Browser.runtime.MessageSender): Promise<T> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return results[0] as T;
}
const report = (tabId: number | undefined, message: unknown) => send(message, tabId === undefined ? ({} as Browser.runtime.MessageSender) : tab(tabId));
const page = <T>(message: unknown) => send<T>(message, OPTIONS_PAGE);

const SEED_SENTENCE = 'The intelligence community has assessed that Russia\'s hacking of Democratic groups and operatives was carried out to help Trump defeat Democrat Hillary Clinton.';
const COMMUNITY_SENTENCE = 'Officials in Exampleton insist the drinking water drawn from the river is safe and meets every federal standard.';

describe('background', () => {
  beforeEach(async () => {
    await resetFakeExtension();
    background.main();
  });

  describe('badge', () => {
    it("shows each tab's count of distinct claims", async () => {
      await report(7, { method: 'page-claims', claimIds: ['a', 'b', 'a'] });
      await report(8, { method: 'page-claims', claimIds: ['c'] });
      expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2');
      expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('1');
      expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(/2 known claims/);
    });

    it('clears the badge when a page has no claims or Claimlens is off there', async () => {
      await report(7, { method: 'page-claims', claimIds: ['a'] });
      await report(7, { method: 'page-claims', claimIds: [] });
      expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
      await report(7, { method: 'page-claims', claimIds: [], off: 'site-off' });
      expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(/off on this site/);
    });

    it('shows an error state when the index fails to load', async () => {
      await report(3, { method: 'index-error', message: 'checksum mismatch' });
      expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('!');
      expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toContain('checksum mismatch');
    });

    it('ignores unknown messages and messages from outside a tab', async () => {
      await report(4, { method: 'something-else' });
      await report(undefined, { method: 'page-claims', claimIds: ['a'] });
      await report(4, 'page-claims');
      expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
      expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    });
  });

  describe('matching for content scripts', () => {
    it('matches article text against the bundled index and sends card data for matched claims only', async () => {
      const result = await report(5, { method: 'annotate', text: `Unrelated opening words here.\n\n${SEED_SENTENCE}` }) as AnnotateResult;
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.annotations.map((a) => a.claimId)).toEqual(['russia-hacking-aimed-to-help-trump']);
      expect(result.claims.map((c) => c.id)).toEqual(['russia-hacking-aimed-to-help-trump']);
      expect(result.claims[0]!.packTitle).toBeTruthy();
      expect(result.claims[0]!.stances.length).toBeGreaterThan(0);
    });

    it('leaves out the claims of a bundled pack that is switched off', async () => {
      const [seed] = await page<PackListing[]>({ method: 'list-packs' });
      await page({ method: 'set-pack-enabled', packId: seed!.id, enabled: false });
      const result = await report(5, { method: 'annotate', text: SEED_SENTENCE }) as AnnotateResult;
      expect(result.ok && result.annotations).toEqual([]);
      await page({ method: 'set-pack-enabled', packId: seed!.id, enabled: true });
      const again = await report(5, { method: 'annotate', text: SEED_SENTENCE }) as AnnotateResult;
      expect(again.ok && again.annotations.length).toBe(1);
    });

    it('uses the sensitivity preset from the settings', async () => {
      await updateSettings(() => ({ sensitivity: 'thorough' }));
      const result = await report(5, { method: 'annotate', text: SEED_SENTENCE }) as AnnotateResult;
      expect(result.ok && result.annotations.length).toBe(1);
    });
  });

  describe('pack management', () => {
    it('imports a valid pack, matches with it, switches it off and removes it', async () => {
      const outcome = await page<InstallOutcome>({ method: 'import-pack', fileName: 'community.pack.json', text: fixture('community.pack.json'), bytes: 1000 });
      expect(outcome.ok).toBe(true);
      const listed = await page<PackListing[]>({ method: 'list-packs' });
      expect(listed.map((p) => [p.id, p.bundled, p.enabled])).toEqual([
        [listed[0]!.id, true, true],
        ['community-test', false, true],
      ]);
      expect(listed[1]).toMatchObject({ title: 'Community test pack', version: '2.1.0', claimCount: 1, license: 'CC0-1.0', fileName: 'community.pack.json' });

      const matched = await report(5, { method: 'annotate', text: COMMUNITY_SENTENCE }) as AnnotateResult;
      expect(matched.ok && matched.claims.map((c) => c.id)).toEqual(['community-test:river-water-safe']);

      await page({ method: 'set-pack-enabled', packId: 'community-test', enabled: false });
      const off = await report(5, { method: 'annotate', text: COMMUNITY_SENTENCE }) as AnnotateResult;
      expect(off.ok && off.annotations).toEqual([]);

      await page({ method: 'remove-pack', packId: 'community-test' });
      expect((await page<PackListing[]>({ method: 'list-packs' })).map((p) => p.id)).not.toContain('community-test');
      expect((await getPackState()).user).toEqual([]);
    });

    it('refuses a broken pack with every error and changes nothing', async () => {
      await page({ method: 'import-pack', fileName: 'community.pack.json', text: fixture('community.pack.json'), bytes: 1000 });
      const before = await getPackState();
      const outcome = await page<InstallOutcome>({ method: 'import-pack', fileName: 'broken.pack.json', text: fixture('broken.pack.json'), bytes: 500 });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.errors.map((e) => e.field).sort()).toEqual(['actor', 'text']);
      expect(outcome.errors.every((e) => e.file === 'broken.pack.json' && e.claimId === 'broken-test:no-text')).toBe(true);
      expect(await getPackState()).toEqual(before);
    });

    it('refuses a pack whose claim ids are already used by a bundled pack', async () => {
      const text = readFileSync(new URL('../fixtures/packs/valid.pack.json', import.meta.url), 'utf8');
      const outcome = await page<InstallOutcome>({ method: 'import-pack', fileName: 'valid.pack.json', text, bytes: text.length });
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.errors.map((e) => e.claimId)).toContain('flynn-misled-pence');
    });

    it('accepts pack management only from its own pages, never from content scripts', async () => {
      const fromTab = await send<InstallOutcome | undefined>({ method: 'import-pack', fileName: 'x.json', text: fixture('community.pack.json'), bytes: 10 }, tab(9));
      expect(fromTab).toBeUndefined();
      expect((await getPackState()).user).toEqual([]);
    });

    it('reports the index status', async () => {
      const status = await page<IndexStatus>({ method: 'index-status' });
      expect(status.ok && status.claims).toBeGreaterThan(5);
    });

    it('goes on matching the other packs when a user pack cannot be read, and still removes it', async () => {
      await page({ method: 'import-pack', fileName: 'community.pack.json', text: fixture('community.pack.json'), bytes: 1000 });
      // A restart in a profile where IndexedDB cannot be opened (Firefox's private windows).
      const saved = globalThis.indexedDB;
      (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
      try {
        fakeBrowser.runtime.onMessage.removeAllListeners();
        background.main();
        const matched = await report(5, { method: 'annotate', text: SEED_SENTENCE }) as AnnotateResult;
        expect(matched.ok && matched.annotations.length).toBe(1);
        const status = await page<IndexStatus>({ method: 'index-status' });
        expect(status).toMatchObject({ ok: true, unreadable: [expect.stringMatching(/^pack "community-test": /)] });
        await page({ method: 'remove-pack', packId: 'community-test' }); // a rejection fails the test
        expect((await getPackState()).user).toEqual([]);
      } finally {
        globalThis.indexedDB = saved;
      }
    });
  });

  describe('loading the annotator into articles', () => {
    type Injection = { api: 'insertCSS' | 'executeScript'; target: unknown; files: string[]; origin?: string };
    let injected: Injection[];
    let fail: string | null;

    beforeEach(() => {
      injected = [];
      fail = null;
      // fakeBrowser has no scripting API: record what the background asks it to do.
      const record = (api: Injection['api']) => async (details: { target: unknown; files?: string[]; origin?: string }) => {
        if (fail) throw new Error(fail);
        injected.push({ api, target: details.target, files: details.files ?? [], ...(details.origin ? { origin: details.origin } : {}) });
        return [];
      };
      (fakeBrowser as unknown as { scripting: unknown }).scripting = { insertCSS: record('insertCSS'), executeScript: record('executeScript') };
    });

    const sender = (extra: Record<string, unknown>) => ({ tab: { id: 6 }, frameId: 0, url: 'https://news.example/story', ...extra }) as unknown as Browser.runtime.MessageSender;

    // The user origin: its !important beats the page's !important rules that match marks (tests/e2e/marks-important.*).
    it("injects the marks' CSS as a user sheet, then the annotator script, into the frame that asked", async () => {
      const result = await send<LoadAnnotatorResult>({ method: 'load-annotator' }, sender({}));
      expect(result).toEqual({ ok: true });
      expect(injected).toEqual([
        { api: 'insertCSS', target: { tabId: 6, frameIds: [0] }, files: [ANNOTATOR_CSS], origin: 'USER' },
        { api: 'executeScript', target: { tabId: 6, frameIds: [0] }, files: [ANNOTATOR_SCRIPT] },
      ]);
    });

    it('targets the very document that asked when the browser names it (Chrome), so a navigation cannot redirect it', async () => {
      await send({ method: 'load-annotator' }, sender({ documentId: 'doc-1', frameId: 3 }));
      expect(injected.map((i) => i.target)).toEqual([
        { tabId: 6, documentIds: ['doc-1'] },
        { tabId: 6, documentIds: ['doc-1'] },
      ]);
    });

    it('injects nothing for senders outside a tab or pages that are not http(s)', async () => {
      expect(await send({ method: 'load-annotator' }, { frameId: 0, url: 'https://news.example/' } as Browser.runtime.MessageSender)).toBeUndefined();
      const own = await send<LoadAnnotatorResult>({ method: 'load-annotator' }, sender({ url: 'chrome-extension://test-extension-id/popup.html' }));
      expect(own.ok).toBe(false);
      expect(injected).toEqual([]);
    });

    it('reports a failed injection instead of throwing (a tab that closed meanwhile)', async () => {
      fail = 'No tab with id: 6';
      expect(await send<LoadAnnotatorResult>({ method: 'load-annotator' }, sender({}))).toEqual({ ok: false, error: 'No tab with id: 6' });
    });
  });

  it('sends the focus-next-mark command to the tab it was pressed in', async () => {
    const { triggerCommand } = await resetFakeExtension();
    const sent: unknown[] = [];
    fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown) => {
      sent.push([tabId, message]);
      return true;
    }) as typeof fakeBrowser.tabs.sendMessage;
    background.main();
    triggerCommand('focus-next-mark', { id: 12 } as Browser.tabs.Tab);
    triggerCommand('something-else', { id: 12 } as Browser.tabs.Tab);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([[12, { method: 'focus-next-mark' }]]);
  });
});
