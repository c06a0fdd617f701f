import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledIndex from 'virtual:claimlens/index';
import { createIndexService } from '../lib/background/index-service';
import { createRouter } from '../lib/background/router';
import { FOCUS_NEXT_MARK_COMMAND, sendToTab } from '../lib/messages';
import { openPackDb } from '../lib/storage/pack-db';
import { createPackStore, type PackStore } from '../lib/storage/pack-store';
import { packStateItem } from '../lib/storage/packs';

// The background owns the claim index (bundled + enabled user packs, whose
// bodies only this origin can read) and answers content scripts' matching
// requests. Everything is built lazily, so a service worker woken by one
// message does no more than that message needs.
export default defineBackground(() => {
  let store: PackStore | null = null;
  const packs = () => (store ??= createPackStore({ openDb: () => openPackDb(), bundled: () => service.bundled() }));
  const service = createIndexService(bundledIndex, packs);

  // Listeners are registered synchronously: Chrome only wakes a worker for
  // events whose listeners exist when its script first runs.
  browser.runtime.onMessage.addListener(createRouter(service, packs));
  packStateItem.watch(() => service.invalidate());
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== FOCUS_NEXT_MARK_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId !== undefined) await sendToTab(tabId, 'focus-next-mark', {}).catch(() => undefined);
    })();
  });
  browser.runtime.onStartup?.addListener(() => {
    // Bodies left by an install that failed after writing them.
    void packs().sweep().catch(() => undefined);
  });
});
