/**
 * Driving the extension's own pages (popup, options) next to a test page,
 * the same way in both browsers:
 * - Chromium: the extension id comes from its service worker's URL; its
 *   pages open in new tabs of the persistent context.
 * - Firefox: the extension's UUID is pinned by a pref at launch (see
 *   LaunchOptions.firefoxExtensionUuids); a goto to moz-extension:// never
 *   resolves under BiDi, so it is not awaited and the DOM is polled instead.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { LaunchOptions, TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import { pollUntil as pollStrict, sleep } from './poll';

/** The gecko id from wxt.config.ts. */
export const GECKO_ID = 'claimlens@claimlens.org';
/** The UUID the Firefox suites pin, so the extension's pages have a known origin. */
export const FIREFOX_UUID = '6f1b0d4e-6c3a-4b8e-9a55-2f3c1d7e9b10';

/** Launch options that make extension pages reachable in both browsers. */
export const EXTENSION_PAGE_LAUNCH: LaunchOptions = { firefoxExtensionUuids: { [GECKO_ID]: FIREFOX_UUID } };

export { sleep };

/** pollUntil that treats a failing read (a page still loading) as "not yet". */
export function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000, everyMs = 100): Promise<T> {
  return pollStrict(() => read().catch(() => undefined as T), (v) => v !== undefined && done(v), timeoutMs, everyMs);
}

/** A tab showing one of the extension's pages. */
export interface ExtensionPage {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Evaluates source text as a script (not subject to the page's CSP: it comes from the driver). */
  evaluateSource(source: string): Promise<void>;
  /**
   * Loads `path` (e.g. `/popup.html?tab=3`) in front and waits for its app to
   * render: a background tab's timers are throttled to a second or more.
   */
  open(path: string): Promise<void>;
  /** Saves a screenshot of the whole page, or of the first element matching `selector`. */
  screenshot(file: string, selector?: string): Promise<void>;
  /** Chooses `file` (a path on disk) in the file input matching `selector`. */
  chooseFile(selector: string, file: string): Promise<void>;
  close(): Promise<void>;
}

/** The extension's origin, e.g. `chrome-extension://abc…`. */
export async function extensionOrigin(browser: TestBrowser): Promise<string> {
  const { driver } = browser;
  if (driver.kind === 'puppeteer') return `moz-extension://${FIREFOX_UUID}`;
  const worker = driver.context.serviceWorkers()[0] ?? (await driver.context.waitForEvent('serviceworker', { timeout: 10_000 }));
  // Node's URL gives extension schemes an opaque origin ("null"), so cut it by hand.
  return /^[a-z-]+:\/\/[^/]+/.exec(worker.url())![0];
}

function rendered(): boolean {
  return document.readyState === 'complete' && (document.getElementById('app')?.childElementCount ?? 0) > 0;
}

/** Opens a new tab for extension pages. */
export async function newExtensionPage(browser: TestBrowser): Promise<ExtensionPage> {
  const origin = await extensionOrigin(browser);
  const { driver } = browser;
  if (driver.kind === 'playwright') {
    const page: PlaywrightPage = await driver.context.newPage();
    return {
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      evaluateSource: async (source) => {
        await page.evaluate(source);
      },
      open: async (path) => {
        await page.bringToFront();
        await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        await page.waitForFunction(rendered, null, { timeout: 10_000 });
      },
      screenshot: async (file, selector) => {
        if (selector) await page.locator(selector).first().screenshot({ path: file });
        else await page.screenshot({ path: file, fullPage: true });
      },
      chooseFile: (selector, file) => page.setInputFiles(selector, file),
      close: () => page.close(),
    };
  }
  const page: PuppeteerPage = await driver.browser.newPage();
  let loads = 0;
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateSource: async (source) => {
      await page.evaluate(source);
    },
    open: async (path) => {
      // A fresh query parameter per load: polling must not mistake the old document for the new one.
      const url = `${origin}${path}${path.includes('?') ? '&' : '?'}load=${++loads}`;
      await page.bringToFront();
      // Never awaited: BiDi does not report navigations of moz-extension:// pages.
      void page.goto(url).catch(() => undefined);
      const ok = await pollUntil(
        // Self-contained (it runs in the page): the same test as rendered().
        () => page.evaluate((u: string) => location.href === u && document.readyState === 'complete' && (document.getElementById('app')?.childElementCount ?? 0) > 0, url),
        (v) => v === true,
        10_000,
      );
      if (!ok) throw new Error(`${url} did not render within 10 s`);
    },
    screenshot: async (file, selector) => {
      const target = selector ? await page.$(selector) : page;
      await target?.screenshot({ path: file as `${string}.png`, ...(selector ? {} : { fullPage: true }) });
    },
    chooseFile: async (selector, file) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector} on the page`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    },
    close: () => page.close(),
  };
}

/** Brings the test page's tab to the front, so keyboard input and focus go to it. */
export async function bringTestPageToFront(browser: TestBrowser): Promise<void> {
  await browser.driver.page.bringToFront();
}

/** Emulates the reader's colour scheme on the test page. */
export async function setColorScheme(browser: TestBrowser, scheme: 'light' | 'dark'): Promise<void> {
  const { driver } = browser;
  if (driver.kind === 'playwright') await driver.page.emulateMedia({ colorScheme: scheme });
  else await driver.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
}
