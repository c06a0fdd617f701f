/**
 * Chromium with the extension loaded and no DevTools session on any page,
 * driven through the extension's own service worker. Chromium never
 * prerenders for a page that a driver (Playwright, Puppeteer) is attached to
 * (final status PrerenderingDisabledByDevTools), so tests of prerendering use
 * this instead of lib/cli/browser-harness: they evaluate extension API calls
 * (tabs, scripting, action) in the worker over the raw DevTools protocol.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_PATH, chromiumExtensionArgs } from '../../../lib/cli/browser-harness/browsers';
import { pollUntil, sleep } from './poll';

/** The browser, as its extension's service worker sees it. */
export interface BareChromium {
  /** Evaluates `expression` in the service worker, awaits it and returns its value (JSON-serialisable). */
  evaluate<R>(expression: string): Promise<R>;
  close(): Promise<void>;
}

/** A Runtime.evaluate reply. */
interface Reply {
  result?: { result?: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
}

interface Target {
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
}

/** Launches headless Chromium with the unpacked extension in `extensionDir` and attaches to its service worker only. */
export async function launchBareChromium(extensionDir: string): Promise<BareChromium> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'claimlens-e2e-bare-chromium-'));
  const args = [
    '--headless=new',
    `--user-data-dir=${profile}`,
    '--remote-debugging-port=0',
    ...chromiumExtensionArgs(extensionDir),
    'about:blank',
  ];
  // Detached: close() kills the whole process group.
  const child = spawn(CHROMIUM_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let port = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    port ||= Number(/DevTools listening on ws:\/\/[^:]+:(\d+)/.exec(chunk.toString())?.[1] ?? 0);
  });
  let socket: WebSocket | undefined;
  const close = async () => {
    socket?.close();
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    // The browser may still be writing its profile for a moment after the kill.
    await sleep(200);
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    await pollUntil(async () => port, (p) => p > 0, 15_000);
    if (!port) throw new Error('Chromium did not announce its DevTools port');
    const worker = await pollUntil(
      async () => {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Target[];
        return targets.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
      },
      (t) => t !== undefined,
      15_000,
    );
    if (!worker) throw new Error("the extension's service worker did not start");
    const ws = new WebSocket(worker.webSocketDebuggerUrl);
    socket = ws;
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    let lastId = 0;
    const answers = new Map<number, (reply: Reply) => void>();
    ws.on('message', (data) => {
      const reply = JSON.parse(String(data)) as Reply & { id?: number };
      if (reply.id !== undefined) answers.get(reply.id)?.(reply);
    });
    const evaluate = async <R>(expression: string): Promise<R> => {
      const id = ++lastId;
      const reply = await new Promise<Reply>((resolve) => {
        answers.set(id, resolve);
        ws.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }));
      });
      answers.delete(id);
      const failure = reply.result?.exceptionDetails;
      if (failure) throw new Error(`${expression}: ${failure.exception?.description ?? failure.text}`);
      return reply.result?.result?.value as R;
    };
    // The worker's target is listed before its extension APIs are bound.
    const ready = await pollUntil(() => evaluate<boolean>("typeof chrome === 'object' && !!chrome.tabs"), (ok) => ok, 10_000);
    if (!ready) throw new Error("the extension's service worker has no extension APIs");
    return { evaluate, close };
  } catch (error) {
    await close();
    throw error;
  }
}
