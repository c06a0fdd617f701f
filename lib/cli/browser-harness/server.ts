/**
 * A tiny static HTTP server on 127.0.0.1 (random free port). Content scripts
 * run on http(s) pages only, so test pages are never opened as file:// URLs.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route's body: a file on disk, or inline HTML. */
export type Route = { file: string } | { html: string };

export interface TestServer {
  /** Absolute URL of a route path, e.g. url('/seed/index.html'). */
  url(pathname: string): string;
  close(): Promise<void>;
}

/** Serves exactly the given routes as text/html; everything else is 404. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const body = 'file' in route ? readFile(route.file) : Promise.resolve(Buffer.from(route.html, 'utf8'));
    body.then(
      (bytes) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(bytes);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
      },
    );
  });
  // Browsers keep connections alive; without this, close() waits for them.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
