// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LOAD_TRIES, watchForArticle } from '../../lib/annotate/article-watch';
import { watchDom } from '../../lib/annotate/dom-watch';
import { SETTLE_MS } from '../../lib/annotate/settle';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PARA = `<p>${'The city council met on Tuesday evening to discuss the budget for the coming year, and residents filled the hall. '.repeat(6)}</p>`;
const tick = () => sleep(0); // MutationObserver callbacks run as microtasks; one macrotask later they have run

let abort: AbortController;
beforeEach(() => {
  abort = new AbortController();
  document.head.innerHTML = '<title>Loading</title>';
  document.body.innerHTML = '<div id="app">Loading…</div>';
});
afterEach(() => abort.abort());

describe('watchDom', () => {
  it('goes on seeing changes after the page replaced its root element or rewrote itself', async () => {
    let changes = 0;
    watchDom(document, () => false, () => changes++, abort.signal);
    const html = document.createElement('html');
    html.innerHTML = '<head></head><body><p>New page</p></body>';
    document.replaceChild(html, document.documentElement);
    await tick();
    const afterSwap = changes;
    document.body.append(document.createElement('p'));
    await tick();
    expect(changes).toBeGreaterThan(afterSwap);
    document.open();
    document.write('<!doctype html><html><head></head><body><p>Rewritten</p></body></html>');
    document.close();
    await tick();
    const afterWrite = changes;
    document.body.append(document.createElement('p'));
    await tick();
    expect(changes).toBeGreaterThan(afterWrite);
  });

  it('counts changes of the attributes it is given, and only those', async () => {
    let changes = 0;
    document.body.innerHTML = '<p id="p">Text</p>';
    watchDom(document, () => false, () => changes++, abort.signal, ['hidden']);
    document.getElementById('p')!.setAttribute('title', 'x');
    await tick();
    expect(changes).toBe(0);
    document.getElementById('p')!.setAttribute('hidden', '');
    await tick();
    expect(changes).toBe(1);
  });
});

describe('watchForArticle', () => {
  it('asks for the annotator when an article arrives in a replaced root element', async () => {
    const loads: string[] = [];
    watchForArticle({ doc: document, signal: abort.signal, load: async (verdict) => void loads.push(verdict) });
    await sleep(SETTLE_MS + 50);
    const html = document.createElement('html');
    html.innerHTML = `<head><meta property="og:type" content="article"></head><body><article>${PARA}${PARA}</article></body>`;
    document.replaceChild(html, document.documentElement);
    await sleep(SETTLE_MS + 150);
    expect(loads).toEqual(['og:type']);
  });

  it('sees an article revealed only by taking a hidden attribute away', async () => {
    document.body.innerHTML = `<main>${PARA}${PARA}${PARA}</main>`;
    document.querySelectorAll('p').forEach((p) => p.setAttribute('hidden', ''));
    const loads: string[] = [];
    watchForArticle({ doc: document, signal: abort.signal, load: async (verdict) => void loads.push(verdict) });
    await sleep(SETTLE_MS + 50);
    expect(loads).toEqual([]);
    document.querySelectorAll('p').forEach((p) => p.removeAttribute('hidden'));
    await sleep(SETTLE_MS + 150);
    expect(loads).toEqual(['readerable']);
  });

  it('stops for good once the extension is gone (an orphaned content script)', async () => {
    let alive = true;
    let checks = 0;
    const loads: string[] = [];
    watchForArticle({ doc: document, signal: abort.signal, load: async (verdict) => void loads.push(verdict), alive: () => (checks++, alive) });
    await sleep(SETTLE_MS + 50);
    alive = false;
    document.body.innerHTML = `<article>${PARA}${PARA}</article>`;
    document.head.innerHTML = '<meta property="og:type" content="article">';
    await sleep(SETTLE_MS + 150);
    const after = checks;
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More.' }));
    await sleep(SETTLE_MS + 150);
    expect([loads, checks]).toEqual([[], after]);
  });

  it('asks for the annotator again on a later page change after a failed load, a few times at most', async () => {
    // The background was asleep or reloading: the first request fails, a later one may not.
    document.head.innerHTML = '<meta property="og:type" content="article">';
    document.body.innerHTML = `<article>${PARA}${PARA}</article>`;
    let fail = true;
    let calls = 0;
    const watch = watchForArticle({
      doc: document,
      signal: abort.signal,
      load: async () => {
        calls++;
        if (fail) throw new Error('Could not establish connection');
      },
    });
    await sleep(SETTLE_MS + 50);
    // No retry on its own while the page stays still: only a page change brings one.
    expect([calls, watch.status(), watch.error()]).toEqual([1, 'failed', 'Could not establish connection']);
    fail = false;
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'More.' }));
    await sleep(SETTLE_MS + 50);
    expect([calls, watch.status(), watch.error()]).toEqual([2, 'loaded', undefined]);
    // Loaded: later changes ask for nothing.
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'Still more.' }));
    await sleep(SETTLE_MS + 50);
    expect(calls).toBe(2);
  });

  it('stops asking once every try has failed, however much the page changes', async () => {
    document.head.innerHTML = '<meta property="og:type" content="article">';
    document.body.innerHTML = `<article>${PARA}${PARA}</article>`;
    let calls = 0;
    const load = async () => {
      calls++;
      throw new Error('gone');
    };
    const watch = watchForArticle({ doc: document, signal: abort.signal, load });
    for (let i = 0; i < MAX_LOAD_TRIES + 3; i++) {
      await sleep(SETTLE_MS + 50);
      document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: `Change ${i}.` }));
    }
    await sleep(SETTLE_MS + 50);
    expect([calls, watch.status()]).toEqual([MAX_LOAD_TRIES, 'failed']);
  });
});
