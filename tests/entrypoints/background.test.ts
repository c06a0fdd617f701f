import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

async function report(tabId: number | undefined, message: unknown) {
  const sender = (tabId === undefined ? {} : { tab: { id: tabId } }) as Browser.runtime.MessageSender;
  await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
}

describe('background badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  it("shows each tab's count of distinct claims", async () => {
    await report(7, { method: 'page-claims', claimIds: ['a', 'b', 'a'] });
    await report(8, { method: 'page-claims', claimIds: ['c'] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('1');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(/2 known claims/);
  });

  it('clears the badge when a page has no claims', async () => {
    await report(7, { method: 'page-claims', claimIds: ['a'] });
    await report(7, { method: 'page-claims', claimIds: [] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
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
