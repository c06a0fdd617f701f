/**
 * Watches one test page for what the hostile-input suites must prove did not
 * happen: errors thrown by the extension, dialogs (an `alert` payload), and
 * network requests made by the extension rather than by the page.
 *
 * Chromium (playwright-core): a CDP session on the page reports exceptions
 * and console calls with the execution context they came from, and the
 * content script's context has the chrome-extension:// origin, so errors are
 * attributed exactly; Network events carry each request's initiator stack.
 * Firefox (puppeteer over BiDi): page errors and console messages carry
 * stacks; a content-script error reaches `pageerror` with no page frame in
 * its stack (its frames are moz-extension:// or absent), so anything not
 * traceable to the page's own scripts counts as the extension's.
 */
import type { CDPSession } from 'playwright-core';
import { launchWithExtension, type BrowserName, type TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import { startServer, type Route, type TestServer } from '../../../lib/cli/browser-harness/server';
import { builtExtensionDir } from './paths';
import { sleep } from './poll';

/** What the page did, as seen by the browser. */
export interface PageWatch {
  /** Uncaught errors and console errors from the extension's code. */
  readonly extensionErrors: string[];
  /** Uncaught errors from the page's own scripts (expected on hostile pages; reported only). */
  readonly pageErrors: string[];
  /** Every dialog opened (alert, confirm, prompt), dismissed at once. */
  readonly dialogs: string[];
  /** URLs of requests made in the tab (the page, its frames and workers, its content scripts). */
  readonly tabRequests: string[];
  /** Requests whose initiator is extension code (or, in Chromium, the extension's service worker). */
  readonly extensionRequests: string[];
  /**
   * Resolves once the content script has run on the current document
   * (Chromium: its isolated world exists and has answered; Firefox: the card
   * host is in the page, or `fallbackMs` passed since the load event).
   */
  extensionSettled(fallbackMs?: number): Promise<void>;
  /**
   * Runs a self-contained page function in the page's main world without
   * the driver's own in-page helpers (Playwright's utility script uses the
   * page's Array methods, which a hostile page breaks): Chromium evaluates
   * through CDP with V8's native serialisation; Puppeteer's BiDi already does.
   */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Empties every list (between pages). */
  reset(): void;
  dispose(): Promise<void>;
}

const EXTENSION_URL = /(?:chrome|moz)-extension:\/\//;

interface Lists {
  extensionErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  tabRequests: string[];
  extensionRequests: string[];
}

function emptyLists(): Lists {
  return { extensionErrors: [], pageErrors: [], dialogs: [], tabRequests: [], extensionRequests: [] };
}

/** Starts watching the page of `browser`. */
export async function watchPage(browser: TestBrowser): Promise<PageWatch> {
  return browser.driver.kind === 'playwright' ? watchChromium(browser) : watchFirefox(browser);
}

function base(lists: Lists): Pick<PageWatch, keyof Lists | 'reset'> {
  return {
    get extensionErrors() { return lists.extensionErrors; },
    get pageErrors() { return lists.pageErrors; },
    get dialogs() { return lists.dialogs; },
    get tabRequests() { return lists.tabRequests; },
    get extensionRequests() { return lists.extensionRequests; },
    reset() {
      for (const list of Object.values(lists)) list.length = 0;
    },
  };
}

interface CdpContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string; isDefault?: boolean };
}

async function watchChromium(browser: TestBrowser): Promise<PageWatch> {
  if (browser.driver.kind !== 'playwright') throw new Error('not a Chromium browser');
  const { page, context } = browser.driver;
  const lists = emptyLists();
  const cdp: CDPSession = await context.newCDPSession(page);
  const extensionContexts = new Map<number, CdpContext>();
  cdp.on('Runtime.executionContextCreated', ({ context: ctx }) => {
    if (ctx.origin.startsWith('chrome-extension://')) extensionContexts.set(ctx.id, ctx as CdpContext);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    extensionContexts.delete(executionContextId);
  });
  cdp.on('Runtime.executionContextsCleared', () => extensionContexts.clear());
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const text = `${d.exception?.description ?? d.text} (${d.url ?? 'no url'}:${d.lineNumber})`;
    const fromExtension = (d.executionContextId !== undefined && extensionContexts.has(d.executionContextId)) || EXTENSION_URL.test(JSON.stringify(d));
    (fromExtension ? lists.extensionErrors : lists.pageErrors).push(text);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'assert') return;
    const fromExtension = extensionContexts.has(e.executionContextId) || EXTENSION_URL.test(JSON.stringify(e.stackTrace ?? {}));
    if (fromExtension) lists.extensionErrors.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  // Initiators come from CDP (main frame, where the content script runs)...
  cdp.on('Network.requestWillBeSent', (e) => {
    if (EXTENSION_URL.test(JSON.stringify(e.initiator)) || EXTENSION_URL.test(e.request.url)) lists.extensionRequests.push(e.request.url);
  });
  // ...and the tab's requests from Playwright, which also sees out-of-process
  // iframes and service workers (an extension's worker counts as the extension).
  const onRequest = (request: { url(): string; serviceWorker(): { url(): string } | null }) => {
    const worker = request.serviceWorker();
    if (worker && EXTENSION_URL.test(worker.url())) lists.extensionRequests.push(request.url());
    else lists.tabRequests.push(request.url());
  };
  context.on('request', onRequest);
  await cdp.send('Runtime.enable');
  await cdp.send('Network.enable');
  const onDialog = (dialog: { type(): string; message(): string; dismiss(): Promise<void> }) => {
    lists.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  };
  page.on('dialog', onDialog);

  return {
    ...base(lists),
    async evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R> {
      const expression = `(${fn.toString()})(${JSON.stringify(arg)})`;
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
      if (exceptionDetails) throw new Error(`page function failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as R;
    },
    async extensionSettled(fallbackMs = 3000) {
      const frameId = page.mainFrame() ? (await cdp.send('Page.getFrameTree')).frameTree.frame.id : undefined;
      const deadline = Date.now() + fallbackMs;
      for (;;) {
        const ctx = [...extensionContexts.values()].find((c) => c.auxData?.frameId === frameId);
        if (ctx) {
          // The content script runs synchronously when its world is made, so once
          // the world answers an evaluation, annotation has finished.
          await cdp.send('Runtime.evaluate', { expression: '0', contextId: ctx.id }).catch(() => undefined);
          return;
        }
        if (Date.now() >= deadline) return;
        await sleep(25);
      }
    },
    async dispose() {
      page.off('dialog', onDialog);
      context.off('request', onRequest);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/**
 * Messages Firefox reports as page errors without a stack that come from the
 * browser itself, not from any script (the HTML parser flattening a deep tree).
 */
const BROWSER_MESSAGES = [/The document tree is too deep/];

/** True when an error's stack names no http(s) frame, i.e. it cannot be the page's own. */
function notFromPage(message: string, frames: string): boolean {
  if (EXTENSION_URL.test(frames)) return true;
  return !/https?:\/\//.test(frames) && !BROWSER_MESSAGES.some((m) => m.test(message));
}

async function watchFirefox(browser: TestBrowser): Promise<PageWatch> {
  if (browser.driver.kind !== 'puppeteer') throw new Error('not a Firefox browser');
  const { page } = browser.driver;
  const lists = emptyLists();
  const onError = (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    const stack = err.stack ?? String(err);
    // Puppeteer puts the message on the stack's first line; the frames follow.
    const frames = stack.split('\n').slice(1).join('\n');
    (notFromPage(err.message, frames) ? lists.extensionErrors : lists.pageErrors).push(stack);
  };
  const onConsole = (message: { type(): string; text(): string; location(): { url?: string } }) => {
    if (message.type() !== 'error' && message.type() !== 'assert') return;
    if (EXTENSION_URL.test(message.location().url ?? '')) lists.extensionErrors.push(`console.${message.type()}: ${message.text()}`);
  };
  const onDialog = (dialog: { type(): string; message(): string; dismiss(): Promise<void> }) => {
    lists.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  };
  const onRequest = (request: { url(): string; initiator(): unknown }) => {
    lists.tabRequests.push(request.url());
    if (EXTENSION_URL.test(JSON.stringify(request.initiator() ?? {})) || EXTENSION_URL.test(request.url())) lists.extensionRequests.push(request.url());
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  page.on('dialog', onDialog);
  page.on('request', onRequest);
  return {
    ...base(lists),
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
    async extensionSettled(fallbackMs = 1500) {
      const deadline = Date.now() + fallbackMs;
      while (Date.now() < deadline) {
        const hasHost = await page.evaluate(() => document.querySelector('claimlens-card') !== null).catch(() => false);
        if (hasHost) return;
        await sleep(100);
      }
    },
    async dispose() {
      page.off('pageerror', onError);
      page.off('console', onConsole);
      page.off('dialog', onDialog);
      page.off('request', onRequest);
    },
  };
}

/** A browser with the built extension, proxied through a test server, with its page watched. */
export interface ProxiedSession {
  server: TestServer;
  browser: TestBrowser;
  watch: PageWatch;
  /** Disposes the watch, closes the browser, then the server. */
  close(): Promise<void>;
}

/**
 * Serves `routes`, launches `browserName` with the built extension and the
 * server as its proxy (so every request the browser makes is logged), and
 * watches its page for extension errors.
 */
export async function startProxiedSession(browserName: BrowserName, routes: Record<string, Route>): Promise<ProxiedSession> {
  const server = await startServer(routes);
  const browser = await launchWithExtension(browserName, builtExtensionDir(browserName), { proxy: server.origin });
  const watch = await watchPage(browser);
  return {
    server,
    browser,
    watch,
    async close() {
      await watch.dispose();
      await browser.close();
      await server.close();
    },
  };
}
