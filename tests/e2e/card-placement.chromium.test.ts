// Where the card lands next to its mark on pages whose <body> changes what position: fixed means
// (transform, filter) or scales its children (zoom), after scrolling: real Chromium layout
// (playwright-core, no extension: the card controller is bundled into the page by esbuild).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../lib/cli/browser-harness/browsers';
import { projectRoot } from './support/paths';

const CARD_CSS = readFileSync(path.join(projectRoot, 'components/claim-card.css'), 'utf8');

/** Puts `window.openCard(css)` on the page: a controller on <article> with a one-line card, opened on #mark. */
const ENTRY = `
import { createCardController } from './lib/annotate/card-controller';
window.openCard = (css) => {
  const controller = createCardController({
    root: document.querySelector('article'),
    css,
    signal: new AbortController().signal,
    render: (container) => { container.innerHTML = '<div class="card" role="dialog" tabindex="-1">A claim</div>'; },
    clear: (container) => { container.textContent = ''; },
  });
  controller.open(document.getElementById('mark'));
};`;

const page = (bodyStyle: string) => `<!DOCTYPE html><html><body style="margin: 8px; ${bodyStyle}">
<div style="height: 300px"></div>
<article><p>Text <claimlens-mark id="mark" tabindex="0">the mark</claimlens-mark> after.</p></article>
<div style="height: 2000px"></div></body></html>`;

interface Placement {
  mark: { left: number; right: number; bottom: number };
  card: { left: number; right: number; top: number };
}

describe('card placement in Chromium', () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    const out = await build({ stdin: { contents: ENTRY, resolveDir: projectRoot, loader: 'ts' }, bundle: true, format: 'iife', write: false });
    bundle = out.outputFiles[0]!.text;
    // Classic scrollbars, which take room from the viewport, as on desktop Windows and Linux.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], ignoreDefaultArgs: ['--hide-scrollbars'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function place(bodyStyle: string, width = 1000): Promise<Placement & { viewport: number }> {
    // Reduced motion: the card's entry animation would move it by 2 px while it is measured.
    const tab = await browser.newPage({ viewport: { width, height: 600 }, reducedMotion: 'reduce' });
    try {
      await tab.setContent(page(bodyStyle));
      await tab.addScriptTag({ content: bundle });
      await tab.evaluate(() => window.scrollTo(0, 200));
      await tab.evaluate((css) => (window as unknown as { openCard(css: string): void }).openCard(css), CARD_CSS);
      // computePosition resolves asynchronously; wait until the card has moved off its 0,0 start.
      await tab.waitForFunction(() => document.querySelector<HTMLElement>('claimlens-card')!.style.top !== '0px');
      return await tab.evaluate(() => {
        const m = document.getElementById('mark')!.getBoundingClientRect();
        const c = document.querySelector('claimlens-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        const viewport = document.documentElement.clientWidth;
        return { mark: { left: m.left, right: m.right, bottom: m.bottom }, card: { left: c.left, right: c.right, top: c.top }, viewport };
      });
    } finally {
      await tab.close();
    }
  }

  it.each([
    ['a plain body (control)', ''],
    ['a transformed body', 'transform: translateZ(0);'],
    ['a filtered body', 'filter: contrast(1);'],
    ['a zoomed body', 'zoom: 1.5;'],
  ])('opens the card just below its mark on a scrolled page with %s', async (_name, bodyStyle) => {
    const { mark, card } = await place(bodyStyle);
    // bottom-start with a 6 px gap (card-controller's offset), to within a pixel of rounding.
    expect(Math.abs(card.top - (mark.bottom + 6)), JSON.stringify({ mark, card })).toBeLessThanOrEqual(1);
    expect(Math.abs(card.left - mark.left), JSON.stringify({ mark, card })).toBeLessThanOrEqual(1);
  });

  it('lines the card up with where its mark starts on a right-to-left page (its right edge)', async () => {
    // A short mark mid-line in an RTL paragraph: the card's start edge is its right edge there.
    const { mark, card } = await place('direction: rtl;');
    expect(Math.abs(card.top - (mark.bottom + 6)), JSON.stringify({ mark, card })).toBeLessThanOrEqual(1);
    expect(Math.abs(card.right - mark.right), JSON.stringify({ mark, card })).toBeLessThanOrEqual(1);
  });

  it('keeps the card clear of a classic scrollbar in a narrow window', async () => {
    const { card, viewport } = await place('', 400);
    expect(viewport, 'the window has no classic scrollbar').toBeLessThan(400);
    // The same 8 px margin on both sides as shift() keeps, inside the part of the window the page shows.
    expect([card.left >= 8, card.right <= viewport - 8], JSON.stringify({ card, viewport })).toEqual([true, true]);
  });
});
