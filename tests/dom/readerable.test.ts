// The gate's port of Readability's isProbablyReaderable
// (lib/page/article-gate.ts) must give the library's verdict on every page:
// it only tests a node's conditions in a cheaper order.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import libraryReaderable from '@mozilla/readability/Readability-readerable.js';
import { isProbablyReaderable } from '../../lib/page/article-gate';
import { HAS_SHARED, readSeedHtml, SHARED_DIR } from '../support/shared';

const LONG = 'This sentence is long enough that a few of them make a paragraph count as article text. ';

function doc(html: string): Document {
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
}

/** Both verdicts on one page: [port, library]. */
function verdicts(html: string): [boolean, boolean] {
  const d = doc(html);
  return [isProbablyReaderable(d), libraryReaderable(d)];
}

describe('isProbablyReaderable (the gate’s port)', () => {
  const cases: [string, string, boolean][] = [
    ['long paragraphs', `<p>${LONG.repeat(4)}</p><p>${LONG.repeat(4)}</p>`, true],
    ['short paragraphs only', '<p>Hello</p><p>World</p>'.repeat(50), false],
    ['one long paragraph, under the score', `<p>${LONG.repeat(3)}</p>`, false],
    ['hidden by style', `<p style="display:none">${LONG.repeat(20)}</p>`, false],
    ['styled but shown', `<p style="color: red">${LONG.repeat(20)}</p>`, true],
    ['hidden attribute', `<p hidden>${LONG.repeat(20)}</p>`, false],
    ['aria-hidden', `<p aria-hidden="true">${LONG.repeat(20)}</p>`, false],
    ['aria-hidden fallback image', `<p aria-hidden="true" class="fallback-image">${LONG.repeat(20)}</p>`, true],
    ['unlikely class', `<p class="sidebar">${LONG.repeat(20)}</p>`, false],
    ['unlikely but maybe a candidate', `<p class="sidebar-content">${LONG.repeat(20)}</p>`, true],
    ['unlikely id', `<pre id="comments">${LONG.repeat(20)}</pre>`, false],
    ['harmless class and id', `<p class="lead" id="intro">${LONG.repeat(20)}</p>`, true],
    ['paragraph in a list item', `<ul><li><p>${LONG.repeat(20)}</p></li></ul>`, false],
    ['article element', `<article>${LONG.repeat(20)}</article>`, true],
    ['div with line breaks', `<div>${LONG.repeat(10)}<br>${LONG.repeat(10)}<br></div>`, true],
    ['a div with breaks counted once', `<div>${LONG.repeat(2)}<br>${LONG}<br>${LONG}<br></div>`, false],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(verdicts(`<html><body>${body}</body></html>`)).toEqual([expected, expected]);
  });

  it('sees a node hidden through its style object after parsing', () => {
    const d = doc(`<html><body><p>${LONG.repeat(20)}</p></body></html>`);
    d.querySelector('p')!.style.display = 'none';
    expect([isProbablyReaderable(d), libraryReaderable(d)]).toEqual([false, false]);
  });

  it.skipIf(!HAS_SHARED)('agrees with the library on the seed article and every saved news page', () => {
    const dir = path.join(SHARED_DIR, 'data/news-pages');
    const pages = readdirSync(dir).filter((name) => !name.includes('.'));
    expect(pages.length).toBeGreaterThan(100);
    const disagree: string[] = [];
    let readerable = 0;
    for (const [name, html] of [['seed', readSeedHtml()] as const, ...pages.map((name) => [name, readFileSync(path.join(dir, name, 'source.html'), 'utf8')] as const)]) {
      // Style sheets are dropped: jsdom parses them slowly, and neither check reads them.
      const [port, library] = verdicts(html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ''));
      if (port !== library) disagree.push(name);
      if (library) readerable++;
    }
    expect(disagree).toEqual([]);
    // Both verdicts occur, so agreement means something.
    expect(readerable).toBeGreaterThan(10);
    expect(readerable).toBeLessThan(pages.length + 1);
  });
});
