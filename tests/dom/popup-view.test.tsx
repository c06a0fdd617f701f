// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupView, type PopupViewProps } from '../../components/popup/PopupView';
import { PopupController } from '../../entrypoints/popup/PopupController';
import type { PageState } from '../../lib/messages';
import { installMessages } from '../support/i18n';

const page = (over: Partial<PageState> = {}): PageState => ({ site: 'news.example', status: 'annotated', off: null, claims: [], ...over });

function mount(over: Partial<PopupViewProps>) {
  const props: PopupViewProps = {
    tab: { kind: 'page', page: page() },
    paused: false,
    exported: null,
    onShowClaim: vi.fn(),
    onSiteEnabled: vi.fn(),
    onPaused: vi.fn(),
    onExport: vi.fn(),
    onOpenOptions: vi.fn(),
    ...over,
  };
  const el = document.createElement('div');
  document.body.append(el);
  render(<PopupView {...props} />, el);
  return { el, props };
}

beforeAll(installMessages);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('PopupView', () => {
  it('lists the claims with stance summaries; clicking one asks to show it', () => {
    const claims = [
      { id: 'a', text: 'Claim A.', packTitle: 'P', asserted: 2, denied: 1, marks: 1 },
      { id: 'b', text: 'Claim B.', packTitle: 'P', asserted: 0, denied: 0, marks: 2 },
    ];
    const { el, props } = mount({ tab: { kind: 'page', page: page({ claims }) } });
    expect(el.querySelector('.count')!.textContent).toBe('2 known claims on this page');
    expect([...el.querySelectorAll('.stance-summary')].map((s) => s.textContent)).toEqual(['asserted by 2, denied by 1', 'asserted by 0, denied by 0']);
    el.querySelector<HTMLButtonElement>('li[data-claim-id="b"] button')!.click();
    expect(props.onShowClaim).toHaveBeenCalledWith('b');
    expect(el.querySelector('button.export')).not.toBeNull();
  });

  it("isolates each claim's text, so that a right-to-left override in it cannot turn its stance summary around", () => {
    const claims = [{ id: 'a', text: 'Claim \u202eA.', packTitle: 'P', asserted: 1, denied: 0, marks: 1 }];
    const { el } = mount({ tab: { kind: 'page', page: page({ claims }) } });
    expect(el.querySelector('.claim-text')!.getAttribute('dir')).toBe('auto');
  });

  it('shows why the page could not be annotated, in the words of the failure', () => {
    const { el } = mount({ tab: { kind: 'page', page: page({ status: 'error', error: 'Cannot load the claim index: checksum mismatch' }) } });
    // Said once, by the popup's status region: no live region of its own inside it.
    const region = el.querySelector('[role="status"]')!;
    expect(region.querySelector('.index-error')!.textContent).toBe('Claimlens could not annotate this page: Cannot load the claim index: checksum mismatch');
    expect(region.querySelectorAll('[role="alert"], [role="status"], [aria-live]')).toHaveLength(0);
    expect(el.querySelector('button.export')).toBeNull();
  });

  it('switches the site off and pauses everywhere', () => {
    const { el, props } = mount({});
    const site = el.querySelector<HTMLInputElement>('input[name="site"]')!;
    expect(site.checked).toBe(true);
    expect(site.closest('label')!.textContent).toContain('On for news.example');
    site.click();
    expect(props.onSiteEnabled).toHaveBeenCalledWith('news.example', false);
    el.querySelector<HTMLInputElement>('input[name="pause"]')!.click();
    expect(props.onPaused).toHaveBeenCalledWith(true);
  });

  it('says why nothing is shown: off on this site, paused, not an article, unsupported page', () => {
    expect(mount({ tab: { kind: 'page', page: page({ status: 'off', off: 'site-off' }) } }).el.textContent).toContain('Claimlens is off on this site.');
    expect(mount({ tab: { kind: 'page', page: page({ status: 'off', off: 'paused' }) }, paused: true }).el.textContent).toContain('paused everywhere');
    expect(mount({ tab: { kind: 'page', page: page({ status: 'not-article' }) } }).el.textContent).toContain('does not look like a news article');
    const unsupported = mount({ tab: { kind: 'unsupported' } }).el;
    expect(unsupported.textContent).toContain('does not run on this page');
    expect(unsupported.querySelector('input[name="site"]')).toBeNull();
  });

  it('shows a site as off while everything is paused, so that it can be switched back on', () => {
    const { el, props } = mount({ tab: { kind: 'page', page: page({ status: 'off', off: 'paused' }) }, paused: true, disabledSites: ['news.example'] });
    const site = el.querySelector<HTMLInputElement>('input[name="site"]')!;
    expect(site.checked).toBe(false);
    site.click();
    expect(props.onSiteEnabled).toHaveBeenCalledWith('news.example', true);
  });

  it('shows the site switch as the settings have it, even while the page still reports the state before the change', () => {
    // The reader just switched the site back on: storage says so, the page has not answered since.
    const on = mount({ tab: { kind: 'page', page: page({ status: 'off', off: 'site-off' }) }, disabledSites: [] }).el;
    expect(on.querySelector<HTMLInputElement>('input[name="site"]')!.checked).toBe(true);
    const off = mount({ tab: { kind: 'page', page: page() }, disabledSites: ['news.example'] }).el;
    expect(off.querySelector<HTMLInputElement>('input[name="site"]')!.checked).toBe(false);
    // Until the settings are read, the page's own report decides.
    const unknown = mount({ tab: { kind: 'page', page: page({ status: 'off', off: 'site-off' }) } }).el;
    expect(unknown.querySelector<HTMLInputElement>('input[name="site"]')!.checked).toBe(false);
  });

  it('does not tell screen readers "Reading the page…" again when the page answers that it is still reading', () => {
    // The live region's text stays the same: no node in it may be taken out and put in anew (an addition is announced).
    const { el, props } = mount({ tab: { kind: 'loading' } });
    const region = el.querySelector('[role="status"]:not(.export-status)')!;
    const changes = new MutationObserver(() => undefined);
    changes.observe(region, { childList: true, subtree: true, characterData: true });
    render(<PopupView {...props} tab={{ kind: 'page', page: page({ status: 'working' }) }} />, el);
    render(<PopupView {...props} tab={{ kind: 'loading' }} />, el);
    expect(region.textContent).toBe('Reading the page…');
    expect(changes.takeRecords()).toEqual([]);
  });

  it('tells screen readers what it found once the page is read, through a live region that was there from the start', () => {
    const { el, props } = mount({ tab: { kind: 'loading' } });
    const region = el.querySelector('[role="status"]:not(.export-status)')!;
    expect(region.textContent).toBe('Reading the page…');
    const claims = [{ id: 'a', text: 'Claim A.', packTitle: 'P', asserted: 1, denied: 0, marks: 1 }];
    render(<PopupView {...props} tab={{ kind: 'page', page: page({ claims }) }} />, el);
    expect(el.querySelector('[role="status"]:not(.export-status)')).toBe(region);
    expect(region.textContent).toBe('1 known claim on this page');
  });
});

describe('PopupController', () => {
  it('picks the page up once its content script answers, when opened while the page still loads', async () => {
    let injected = false;
    const state: PageState = page({ claims: [{ id: 'c', text: 'Claim C.', packTitle: 'P', asserted: 1, denied: 0, marks: 1 }] });
    // The content script comes at document_idle: until then the tab has no receiver.
    fakeBrowser.tabs.sendMessage = (async () => {
      if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
      return state;
    }) as typeof fakeBrowser.tabs.sendMessage;
    fakeBrowser.tabs.get = (async (id: number) => ({ id, url: 'https://news.example/story', status: 'loading' })) as unknown as typeof fakeBrowser.tabs.get;
    const el = document.createElement('div');
    document.body.append(el);
    render(<PopupController tabId={7} />, el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.textContent).toContain('Reading the page…');
    injected = true;
    await vi.waitFor(() => expect(el.querySelector('li[data-claim-id="c"]')).not.toBeNull(), { timeout: 2000 });
    render(null, el);
  });

  /** Mounts the controller for tab 7, whose content script never answers and whose tab the browser describes as `tab`. */
  function mountWithoutScript(tab: { url?: string; status?: string }) {
    fakeBrowser.tabs.sendMessage = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as typeof fakeBrowser.tabs.sendMessage;
    fakeBrowser.tabs.get = (async (id: number) => ({ id, index: 0, active: true, ...tab })) as unknown as typeof fakeBrowser.tabs.get;
    const el = document.createElement('div');
    document.body.append(el);
    render(<PopupController tabId={7} />, el);
    return el;
  }

  it('says a tab that is still loading is being read, not that Claimlens does not run there', async () => {
    const el = mountWithoutScript({ url: 'https://news.example/story', status: 'loading' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.textContent).toContain('Reading the page…');
    expect(el.textContent).not.toContain('does not run on this page');
    render(null, el);
  });

  it('on an http(s) page open since before Claimlens started, says to reload it and still offers the site switch', async () => {
    const el = mountWithoutScript({ url: 'https://www.news.example/story', status: 'complete' });
    await vi.waitFor(() => expect(el.textContent).toContain('Reload the page'));
    expect(el.textContent).not.toContain('does not run on this page');
    const site = el.querySelector<HTMLInputElement>('input[name="site"]')!;
    expect(site.closest('label')!.textContent).toContain('On for news.example');
    render(null, el);
  });

  it('says Claimlens does not run on a browser page (no http(s) address), without a site switch', async () => {
    // Without the "tabs" permission the browser gives no URL for chrome://, about: or store pages.
    const el = mountWithoutScript({ status: 'complete' });
    await vi.waitFor(() => expect(el.textContent).toContain('does not run on this page'));
    expect(el.querySelector('input[name="site"]')).toBeNull();
    render(null, el);
  });

  it('says Claimlens does not run on the extension stores, whose pages no extension may script, rather than to reload them', async () => {
    for (const url of ['https://chromewebstore.google.com/detail/abc', 'https://chrome.google.com/webstore/detail/abc', 'https://addons.mozilla.org/en-US/firefox/']) {
      const el = mountWithoutScript({ url, status: 'complete' });
      await vi.waitFor(() => expect(el.textContent).toContain('does not run on this page'));
      expect(el.textContent).not.toContain('Reload');
      render(null, el);
      el.remove();
    }
  });

  it("says Claimlens does not run on Firefox's other restricted Mozilla sites (no extension may script them), rather than to reload them", async () => {
    // Firefox's extensions.webextensions.restrictedDomains: its support and account pages, not only addons.mozilla.org.
    for (const url of ['https://support.mozilla.org/en-US/kb/troubleshoot', 'https://accounts.firefox.com/settings', 'https://discovery.addons.mozilla.org/']) {
      const el = mountWithoutScript({ url, status: 'complete' });
      await vi.waitFor(() => expect(el.textContent).toMatch(/does not run on this page|Reload/));
      expect(el.textContent).toContain('does not run on this page');
      render(null, el);
      el.remove();
    }
  });

  it("says Claimlens does not run on a PDF (Firefox's viewer takes no content scripts), rather than to reload it", async () => {
    const el = mountWithoutScript({ url: 'https://city.example/budget/Report-2024.PDF', status: 'complete' });
    await vi.waitFor(() => expect(el.textContent).toContain('does not run on this page'));
    expect(el.textContent).not.toContain('Reload');
    render(null, el);
  });

  it('keeps asking a tab that takes long to load, and shows its claims once its content script answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let loaded = false;
      const claims = [{ id: 'c', text: 'Claim C.', packTitle: 'P', asserted: 1, denied: 0, marks: 1 }];
      fakeBrowser.tabs.sendMessage = (async () => {
        if (!loaded) throw new Error('Could not establish connection. Receiving end does not exist.');
        return page({ claims });
      }) as typeof fakeBrowser.tabs.sendMessage;
      fakeBrowser.tabs.get = (async (id: number) => ({ id, url: 'https://news.example/story', status: loaded ? 'complete' : 'loading' })) as unknown as typeof fakeBrowser.tabs.get;
      const el = document.createElement('div');
      document.body.append(el);
      render(<PopupController tabId={7} />, el);
      // A slow news page with its ads: half a minute before document_idle.
      await vi.advanceTimersByTimeAsync(30_000);
      expect(el.textContent).toContain('Reading the page…');
      loaded = true;
      await vi.advanceTimersByTimeAsync(2_000);
      expect(el.querySelector('li[data-claim-id="c"]')).not.toBeNull();
      render(null, el);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks the page again when the claim to show is no longer there, instead of closing', async () => {
    const asked: string[] = [];
    let claims = [{ id: 'c', text: 'Claim C.', packTitle: 'P', asserted: 1, denied: 0, marks: 1 }];
    fakeBrowser.tabs.sendMessage = (async (_tab: number, message: { method: string }) => {
      asked.push(message.method);
      return message.method === 'show-claim' ? false : page({ claims });
    }) as typeof fakeBrowser.tabs.sendMessage;
    const el = document.createElement('div');
    document.body.append(el);
    render(<PopupController tabId={7} />, el);
    await vi.waitFor(() => expect(el.querySelector('li[data-claim-id="c"] button')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the first few looks are over: only a new one can see the change
    claims = [];
    el.querySelector<HTMLButtonElement>('li[data-claim-id="c"] button')!.click();
    await vi.waitFor(() => expect(el.querySelector('li[data-claim-id="c"]')).toBeNull());
    expect(asked).toContain('show-claim');
    render(null, el);
  });
  it.each([
    ['showing a claim', 'li[data-claim-id="c"] button'],
    ['exporting', 'button.export'],
  ])('shows what the tab holds now when its page went away under the popup (reloaded, navigated) before %s, instead of a dead list', async (_what, button) => {
    let gone = false;
    const claims = [{ id: 'c', text: 'Claim C.', packTitle: 'P', asserted: 1, denied: 0, marks: 1 }];
    fakeBrowser.tabs.sendMessage = (async () => {
      if (gone) throw new Error('Could not establish connection. Receiving end does not exist.');
      return page({ claims });
    }) as typeof fakeBrowser.tabs.sendMessage;
    fakeBrowser.tabs.get = (async (id: number) => ({ id, url: 'https://news.example/next', status: 'loading' })) as unknown as typeof fakeBrowser.tabs.get;
    const el = document.createElement('div');
    document.body.append(el);
    render(<PopupController tabId={7} />, el);
    await vi.waitFor(() => expect(el.querySelector('li[data-claim-id="c"] button')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the first few looks are over: only a new one can see the change
    gone = true;
    el.querySelector<HTMLButtonElement>(button)!.click();
    await vi.waitFor(() => expect(el.querySelector('li[data-claim-id="c"]')).toBeNull());
    expect(el.textContent).toContain('Reading the page…');
    render(null, el);
  });
});

