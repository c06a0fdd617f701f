/**
 * Launches a real browser with an unpacked extension loaded and wraps its
 * page in one small interface, so the checks are written once for both:
 * - Chromium through playwright-core (persistent context, --load-extension);
 * - Firefox ESR through puppeteer-core over WebDriver BiDi (installExtension).
 *
 * Browsers are installed system packages; nothing is ever downloaded.
 * Every launch gets a fresh temporary profile, removed again by close(),
 * which also kills the browser's process group if a graceful close hangs.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium as playwrightChromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';

/** The two browsers Claimlens is tested in. */
export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.CLAIMLENS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.CLAIMLENS_FIREFOX ?? '/usr/bin/firefox-esr';

export const VIEWPORT = { width: 1280, height: 900 } as const;

/** The page operations the tests need, the same for both drivers. */
export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs a self-contained function in the page (no closures, no imports). */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(file: string): Promise<void>;
}

/**
 * The driver objects behind a TestBrowser, for tests that need more than
 * TestPage (CDP sessions, dialogs, error and request events).
 */
export type DriverHandle =
  | { kind: 'playwright'; context: BrowserContext; page: PlaywrightPage }
  | { kind: 'puppeteer'; browser: PuppeteerBrowser; page: PuppeteerPage };

export interface TestBrowser {
  readonly name: BrowserName;
  readonly page: TestPage;
  readonly driver: DriverHandle;
  /** Resolves when the browser goes away (the user closed its window). */
  readonly exited: Promise<void>;
  close(): Promise<void>;
}

/** Launch options: tests run headless; the demo opens a window when it can. */
export interface LaunchOptions {
  headless?: boolean;
  /**
   * An HTTP proxy (`http://127.0.0.1:<port>`) for every request to a host
   * other than 127.0.0.1, e.g. TestServer.origin: nothing then leaves the
   * machine, missing resources fail fast, and every request is logged.
   */
  proxy?: string;
  /**
   * Firefox only: pins the extension's internal UUID (its moz-extension://
   * host) and allows the driver into privileged pages, so tests can open and
   * script the extension's own pages (popup, options). Keyed by gecko id.
   */
  firefoxExtensionUuids?: Record<string, string>;
  /**
   * Chromium only: keeps the back/forward cache on, as it is for readers.
   * Playwright turns it off by default (`--disable-back-forward-cache`), so
   * Back would load the page afresh; Firefox keeps it on anyway.
   */
  backForwardCache?: boolean;
}

const CLOSE_TIMEOUT_MS = 15_000;

/** Resolves true when `promise` settles in time, false on timeout or rejection. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGKILLs a browser we spawned, with its process group (both drivers spawn detached). */
function killBrowserProcess(pid: number | undefined): void {
  if (!pid) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Launches `name` with the unpacked extension in `extensionDir` (absolute path). */
export function launchWithExtension(name: BrowserName, extensionDir: string, options: LaunchOptions = {}): Promise<TestBrowser> {
  const headless = options.headless ?? true;
  return name === 'chromium'
    ? launchChromium(extensionDir, headless, options.proxy, options.backForwardCache ?? false)
    : launchFirefox(extensionDir, headless, options.proxy, options.firefoxExtensionUuids);
}

/**
 * The switches every Chromium of the tests gets: the unpacked extension in
 * `extensionDir` and nothing else, and no traffic or updates of its own.
 */
export function chromiumExtensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

async function launchChromium(extensionDir: string, headless: boolean, proxy: string | undefined, backForwardCache: boolean): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'claimlens-e2e-chromium-'));
  const childrenBefore = await childPids();
  let context: Awaited<ReturnType<typeof playwrightChromium.launchPersistentContext>>;
  try {
    context = await playwrightChromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless,
      viewport: VIEWPORT,
      ...(backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
      args: [
        ...chromiumExtensionArgs(extensionDir),
        // Chromium sends loopback requests direct, so pages still come from the server itself.
        ...(proxy ? [`--proxy-server=${proxy}`] : []),
      ],
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  // Playwright exposes no pid for persistent contexts: the browser is the
  // direct child that the launch added, killed only if a graceful close hangs.
  const pids = [...(await childPids())].filter((pid) => !childrenBefore.has(pid));
  const pwPage = context.pages()[0] ?? (await context.newPage());
  const page: TestPage = {
    goto: async (url) => {
      await pwPage.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => pwPage.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => pwPage.mouse.move(x, y),
    press: (key) => pwPage.keyboard.press(key),
    screenshot: async (file) => {
      await pwPage.screenshot({ path: file });
    },
  };
  return {
    name: 'chromium',
    page,
    driver: { kind: 'playwright', context, page: pwPage },
    exited: new Promise<void>((resolve) => context.once('close', () => resolve())),
    close: async () => {
      if (!(await settlesWithin(context.close(), CLOSE_TIMEOUT_MS))) pids.forEach(killBrowserProcess);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Firefox preferences that send every non-loopback request to `proxy`. */
function firefoxProxyPrefs(proxy: string | undefined): Record<string, unknown> {
  if (!proxy) return {};
  const { hostname, port } = new URL(proxy);
  return {
    'network.proxy.type': 1,
    'network.proxy.http': hostname,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': hostname,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
  };
}

async function launchFirefox(
  extensionDir: string,
  headless: boolean,
  proxy: string | undefined,
  uuids: Record<string, string> | undefined,
): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'claimlens-e2e-firefox-'));
  let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
  const close = async () => {
    const pid = browser?.process()?.pid;
    if (browser && !(await settlesWithin(browser.close(), CLOSE_TIMEOUT_MS))) killBrowserProcess(pid);
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless,
      userDataDir: profile,
      defaultViewport: VIEWPORT,
      extraPrefsFirefox: {
        ...firefoxProxyPrefs(proxy),
        ...(uuids ? { 'extensions.webextensions.uuids': JSON.stringify(uuids) } : {}),
      },
      ...(uuids ? { args: ['--remote-allow-system-access'] } : {}),
    });
    await browser.installExtension(extensionDir);
    // The tab Firefox starts with never gets focus under headless BiDi: its
    // document.hasFocus() stays false and focus/focusin never fire. A tab
    // opened through the driver is focused, so the tests use one.
    const ppPage = await browser.newPage();
    const page: TestPage = {
      goto: async (url) => {
        await ppPage.goto(url, { waitUntil: 'load' });
      },
      evaluate: (fn, arg) => ppPage.evaluate(fn as never, arg) as never,
      mouseMove: (x, y) => ppPage.mouse.move(x, y),
      press: (key) => ppPage.keyboard.press(key as never),
      screenshot: async (file) => {
        await ppPage.screenshot({ path: file as `${string}.png` });
      },
    };
    const launched = browser;
    const exited = new Promise<void>((resolve) => launched.once('disconnected', () => resolve()));
    return { name: 'firefox', page, driver: { kind: 'puppeteer', browser: launched, page: ppPage }, exited, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Pids of this process's direct children (Linux /proc; empty elsewhere). */
async function childPids(): Promise<Set<number>> {
  const pids = new Set<number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Field 4 (ppid) follows the parenthesised command name.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === process.pid) pids.add(Number(entry));
  }
  return pids;
}
