/**
 * The popup's state and wiring: the page state comes from the tab's content
 * script (it knows its marks), switches write the settings item (content
 * scripts and the badge follow it), export saves a blob as a download.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type PopupTabState } from '../../components/popup/PopupView';
import { sendToTab } from '../../lib/messages';
import { getSettings, siteOf, updateSettings, watchSettings, type Settings } from '../../lib/storage/settings';

/** How often the popup asks again while the page is still being read or switched. */
const POLL_MS = 250;
/** How many times the popup asks a loaded tab with no content script again (its script may start late). */
const MAX_FAILURES = 20;

export interface PopupControllerProps {
  /** The tab to show; null for the active tab of the popup's window. */
  tabId: number | null;
}

async function resolveTab(tabId: number | null): Promise<number | null> {
  if (tabId !== null && Number.isInteger(tabId)) return tabId;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/**
 * What to show for a tab whose content script did not answer. The tab's URL
 * is visible for http(s) pages only (host permissions; no "tabs"
 * permission), which is exactly where the content script is declared: such
 * a page is still loading, or has no script yet (open since before the
 * install or an update, which a reload fixes). Anything else (browser pages,
 * the web stores, file://) is a page Claimlens never runs on.
 */
async function tabWithoutScript(tabId: number): Promise<PopupTabState> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (tab?.status === 'loading') return { kind: 'loading' };
  const site = siteOf(tab?.url);
  return site === null || neverScripted(tab!.url!) ? { kind: 'unsupported' } : { kind: 'no-script', site };
}

/**
 * Firefox's default `extensions.webextensions.restrictedDomains`: besides
 * its add-ons site, the Mozilla support and account pages no extension may
 * script, which no reload changes either.
 */
const FIREFOX_RESTRICTED = new Set([
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

/**
 * Pages no reload would let Claimlens read: the extension stores and
 * Firefox's other restricted sites (browsers let no extension script them)
 * and PDFs (Firefox's viewer takes no content scripts). A PDF served under
 * another name still gets the reload advice.
 */
function neverScripted(url: string): boolean {
  const { hostname, pathname } = new URL(url);
  return (
    /\.pdf$/i.test(pathname) ||
    hostname === 'chromewebstore.google.com' ||
    (hostname === 'chrome.google.com' && pathname.startsWith('/webstore')) ||
    hostname === 'microsoftedge.microsoft.com' ||
    FIREFOX_RESTRICTED.has(hostname)
  );
}

/** Saves `json` as a download named `name`, through a short-lived blob URL. */
function download(json: unknown, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/ld+json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Loads the tab's state and handles the popup's actions. */
export function PopupController({ tabId: requested }: PopupControllerProps) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [tab, setTab] = useState<PopupTabState>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [pollToken, setPollToken] = useState(0);

  useEffect(() => {
    void resolveTab(requested).then((id) => (id === null ? setTab({ kind: 'unsupported' }) : setTabId(id)));
    void getSettings().then(setSettings);
    return watchSettings((s) => {
      setSettings(s);
      setPollToken((n) => n + 1);
    });
  }, [requested]);

  // Asks the content script for its state, again while it is still working.
  useEffect(() => {
    if (tabId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let rounds = 0;
    let failures = 0;
    const ask = async () => {
      try {
        const page = await sendToTab(tabId, 'get-page-state', {});
        if (stopped) return;
        setTab({ kind: 'page', page });
        // Settings changes reach the page a moment after storage: look twice.
        if (page.status === 'working' || ++rounds < 3) timer = setTimeout(() => void ask(), POLL_MS);
      } catch {
        const state = await tabWithoutScript(tabId);
        if (stopped) return;
        setTab(state);
        // A loading tab gets its content script at document_idle, however long its page
        // takes: ask until then, and for a few seconds after (the script starts a moment later).
        if (state.kind === 'loading' || ++failures < MAX_FAILURES) timer = setTimeout(() => void ask(), POLL_MS * 2);
      }
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tabId, pollToken]);

  const inPopup = requested === null;
  return (
    <PopupView
      tab={tab}
      paused={settings?.paused ?? false}
      disabledSites={settings?.disabledSites}
      exported={exported}
      onShowClaim={(claimId) => {
        if (tabId === null) return;
        // No answer at all: the page went away under the popup (reloaded, navigated).
        void sendToTab(tabId, 'show-claim', { claimId })
          .catch(() => false)
          .then((shown) => {
            // A real popup covers the page: get out of the way of the card.
            if (shown && inPopup) window.close();
            // The claim's mark is gone (the page changed): stay, and show what the page holds now.
            else if (!shown) setPollToken((n) => n + 1);
          });
      }}
      onSiteEnabled={(site, enabled) =>
        void updateSettings((s) => ({ disabledSites: enabled ? s.disabledSites.filter((x) => x !== site) : [...s.disabledSites, site] }))
      }
      onPaused={(value) => void updateSettings(() => ({ paused: value }))}
      onExport={() => {
        if (tabId === null || tab.kind !== 'page') return;
        void sendToTab(tabId, 'export-annotations', {})
          .catch(() => null)
          .then((json) => {
            // Nothing to export any more (the page changed or went away): show what the tab holds now.
            if (!json) return setPollToken((n) => n + 1);
            const name = `claimlens-${tab.page.site ?? 'page'}-${new Date().toISOString().slice(0, 10)}.jsonld`;
            download(json, name);
            setExported(name);
          });
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}
