/**
 * Privacy, end to end: the extension makes no network request, on the seed
 * page and on 20 saved news pages. Run per browser by privacy.*.test.ts.
 *
 * The test server is also the browser's proxy, so every request the browser
 * makes, to any host and from any part of it (page, content script,
 * background), is in `server.requests`. Two checks follow:
 * - Seed page, exact: it loads nothing but itself, so during its visit the
 *   server may see only the page and the browser's favicon request. Any other
 *   request, from whatever context, is the extension's.
 * - News pages, by attribution: they request hundreds of resources of their
 *   own. Every request the server saw in the whole session must be one the
 *   tab itself made (the browser reports those), and none of the tab's
 *   requests may have extension code as its initiator. A background or
 *   service-worker request is never a tab request, so it cannot hide.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName, TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import type { RequestRecord, Route, TestServer } from '../../../lib/cli/browser-harness/server';
import { NEWS_DIR } from './news-probe';
import { countMarks } from './page-scripts';
import { seedPagePath, sharedFixturesAvailable } from './paths';
import { startProxiedSession, type PageWatch, type ProxiedSession } from './watch';
import { sleep } from './poll';

const SEED_PATH = '/news/2017/03/02/seed-article.html';

/**
 * The browsers' own services (update checks, autofill, safe browsing), which
 * the browser calls by itself whatever extensions are installed. They are
 * reported, not counted; any other host that no page asked for is.
 */
const BROWSER_SERVICES: Record<BrowserName, RegExp> = {
  chromium: /^(?:CONNECT |https?:\/\/)(?:[\w-]+\.)*(?:googleapis\.com|gvt1\.com|google\.com|gstatic\.com)(?:[:/]|$)/,
  firefox: /^(?:CONNECT |https?:\/\/)(?:[\w-]+\.)*(?:mozilla\.(?:com|org|net)|firefox\.com|mozaws\.net)(?:[:/]|$)/,
};
/** Time left after the content script ran for anything deferred (timers, idle callbacks) to fire. */
const QUIET_MS = 600;

/**
 * Pages left out of the sample, with the reason. aktualne's obfuscated
 * ad-recovery script (its host is base64 in the page: "bXJhemEyZG9zYS5jb20=")
 * opens a connection that neither browser reports as a request of the page,
 * so it cannot be told apart from an extension's.
 */
const UNATTRIBUTABLE = new Set(['aktualne']);

/** The first 20 pages that the corpus index classes as news. */
function newsSample(): string[] {
  const index = JSON.parse(readFileSync(path.join(NEWS_DIR, 'index.json'), 'utf8')) as { name: string; category: string }[];
  return index.filter((p) => p.category === 'news' && !UNATTRIBUTABLE.has(p.name)).map((p) => p.name).slice(0, 20);
}

/**
 * Connections a page asks for without a request the browser reports:
 * `<link rel="preconnect|dns-prefetch">` hosts (CONNECT or plain), and icons,
 * which the browser itself fetches for the tab strip.
 */
function declaredByPage(html: string): { hosts: Set<string>; isIcon: (key: string) => boolean } {
  const hosts = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']?(?:preconnect|dns-prefetch)\b[^>]*>/gi)) {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    if (href) hosts.add(new URL(href, 'https://page.invalid/').hostname);
  }
  return { hosts, isIcon: (key) => /(?:favicon[^/]*|\.ico)$/i.test(key.replace(/[?#].*$/, '')) };
}

function hostOf(key: string): string {
  return key.startsWith('CONNECT ') ? key.slice(8).replace(/:\d+$/, '') : new URL(key).hostname;
}

/** A request as the server logged it, in a form comparable with the browser's URLs. */
function key(r: RequestRecord): string {
  return r.method === 'CONNECT' ? `CONNECT ${r.url}` : r.url.replace(/#.*$/, '');
}

/** The proxy keys a tab request produces: its URL, or a CONNECT for https. */
function tabKeys(url: string): string[] {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:') return [`CONNECT ${u.hostname}:${u.port || '443'}`];
    return [u.href.replace(/#.*$/, '')];
  } catch {
    return [];
  }
}

export function definePrivacySuite(browserName: BrowserName): void {
  const available = sharedFixturesAvailable();
  describe.skipIf(!available)(`privacy in ${browserName}: no network requests by the extension`, () => {
    const sample = available ? newsSample() : [];
    let server: TestServer | undefined;
    let browser: TestBrowser | undefined;
    let watch: PageWatch | undefined;
    let session: ProxiedSession | undefined;
    /** Every URL the tab requested this session: what the page itself may fetch. */
    const tabSeen = new Set<string>();
    /** Hosts the pages declared for preconnect or prefetch. */
    const declaredHosts = new Set<string>();
    const extensionInitiated: string[] = [];

    /** Which visit each server request happened in, for messages. */
    const visitOf: string[] = [];
    const visit = async (pathname: string) => {
      const w = watch!;
      while (visitOf.length < server!.requests.length) visitOf.push('before the first page');
      w.reset();
      // A saved page may navigate itself away (scripted redirects): that is the page's business.
      await browser!.page.goto(server!.url(pathname)).catch((error: unknown) => console.info(`[e2e ${browserName}] privacy: ${pathname}: ${String(error).split('\n')[0]}`));
      await w.extensionSettled();
      await sleep(QUIET_MS);
      while (visitOf.length < server!.requests.length) visitOf.push(pathname);
      for (const url of w.tabRequests) for (const k of tabKeys(url)) tabSeen.add(k);
      extensionInitiated.push(...w.extensionRequests);
    };

    beforeAll(async () => {
      const routes: Record<string, Route> = { [SEED_PATH]: { file: seedPagePath } };
      for (const name of sample) {
        const file = path.join(NEWS_DIR, name, 'source.html');
        routes[`/news/${name}/`] = { file };
        for (const host of declaredByPage(readFileSync(file, 'utf8')).hosts) declaredHosts.add(host);
      }
      session = await startProxiedSession(browserName, routes);
      ({ server, browser, watch } = session);
    });

    afterAll(async () => {
      await session?.close();
    });

    it('seed page: the browser requests nothing but the page (and its favicon)', async () => {
      const from = server!.requests.length;
      await visit(SEED_PATH);
      expect(await browser!.page.evaluate(countMarks, null), 'the extension did not run on the seed page').toBeGreaterThan(0);
      const seen = server!.requests.slice(from).map(key);
      const allowed = new Set([server!.url(SEED_PATH), server!.url('/favicon.ico')]);
      const extra = seen.filter((k) => !allowed.has(k) && !BROWSER_SERVICES[browserName].test(k));
      console.info(`[e2e ${browserName}] privacy: seed page: ${seen.length} requests (${seen.join(', ')}), ${extra.length} by the extension`);
      expect(extra, 'requests during the seed page visit other than the page itself').toEqual([]);
    });

    it(`${sample.length} news pages: every request was the page's own, none initiated by the extension`, async () => {
      expect(sample.length).toBe(20);
      for (const name of sample) await visit(`/news/${name}/`);
      const { isIcon } = declaredByPage('');
      const all = server!.requests.map(key);
      const pagesOwn = (k: string) => tabSeen.has(k) || isIcon(k) || declaredHosts.has(hostOf(k));
      const notFromPages = [...new Set(all.filter((k) => !pagesOwn(k)).map((k) => `${k} (during ${visitOf[all.indexOf(k)] ?? 'the end'})`))];
      const services = notFromPages.filter((k) => BROWSER_SERVICES[browserName].test(k));
      const unexplained = notFromPages.filter((k) => !services.includes(k));
      console.info(
        `[e2e ${browserName}] privacy: ${sample.length + 1} pages, ${all.length} requests seen by the proxy, ` +
          `${unexplained.length} not made by a page, ${extensionInitiated.length} initiated by extension code, ` +
          `pages left out: ${[...UNATTRIBUTABLE].join(', ')}; ` +
          `the browser's own services: ${services.join(', ') || 'none'}`,
      );
      expect(unexplained, 'requests that no page made (background, service worker or extension)').toEqual([]);
      expect(extensionInitiated, 'requests initiated by extension code in the page').toEqual([]);
    });
  });
}
