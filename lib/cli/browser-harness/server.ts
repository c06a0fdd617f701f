/**
 * A tiny static HTTP server on 127.0.0.1 (random free port). Content scripts
 * run on http(s) pages only, so test pages are never opened as file:// URLs.
 *
 * It doubles as the browser's HTTP proxy (see LaunchOptions.proxy): every
 * request the browser makes to any other host arrives here too, is logged
 * and answered 404 at once (CONNECT, for https, is refused). So saved pages
 * that reference the whole web load fast with no network, and the log holds
 * every request the browser made, which the privacy tests read.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A route's body: a file on disk, or inline HTML. Pages are served with
 * `Cache-Control: no-store` unless `cacheable`: Firefox keeps no such page
 * in its back/forward cache, which a test of Back may need.
 */
export type Route = ({ file: string } | { html: string }) & { cacheable?: boolean };

/** One request the server saw, as the browser sent it. */
export interface RequestRecord {
  /** HTTP method, or CONNECT for a proxied https connection. */
  method: string;
  /** Absolute URL (`host:port` alone for CONNECT). */
  url: string;
  /** True when the request was for this server itself rather than proxied elsewhere. */
  local: boolean;
  /** The Origin header, when sent (an extension's fetch sends its own origin). */
  origin?: string;
  /** Milliseconds since the server started. */
  at: number;
}

export interface TestServer {
  /** Absolute URL of a route path, e.g. url('/seed/index.html'). */
  url(pathname: string): string;
  /** `http://127.0.0.1:<port>`, for LaunchOptions.proxy. */
  readonly origin: string;
  /** Every request seen so far, in order (clear it with `requests.length = 0`). */
  readonly requests: RequestRecord[];
  close(): Promise<void>;
}

/** Serves exactly the given routes as text/html; everything else is 404. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const started = Date.now();
  const requests: RequestRecord[] = [];
  let ownHost = '';
  const server = http.createServer((req, res) => {
    // As a proxy the request line holds an absolute URL; as a server, a path.
    const target = new URL(req.url ?? '/', `http://${req.headers.host ?? ownHost}`);
    const local = target.host === ownHost;
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    requests.push({ method: req.method ?? 'GET', url: target.href, local, ...(origin ? { origin } : {}), at: Date.now() - started });
    const route = local ? routes[target.pathname] : undefined;
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const body = 'file' in route ? readFile(route.file) : Promise.resolve(Buffer.from(route.html, 'utf8'));
    body.then(
      (bytes) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(route.cacheable ? {} : { 'cache-control': 'no-store' }) }).end(bytes);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
      },
    );
  });
  server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', local: false, at: Date.now() - started });
    socket.on('error', () => undefined); // The browser may reset it first.
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  // Browsers keep connections alive; without this, close() waits for them.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ownHost = `127.0.0.1:${port}`;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    origin: `http://${ownHost}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
