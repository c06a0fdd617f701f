// The marks' page stylesheet under media that jsdom cannot evaluate (print, forced colours), in real
// Chromium (playwright-core, no extension needed: the sheet is applied as the author sheet insertCSS makes it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../lib/cli/browser-harness/browsers';
import { HOST_STYLE } from '../../lib/annotate/card-controller';
import { projectRoot } from './support/paths';

const MARKS_CSS = readFileSync(path.join(projectRoot, 'entrypoints/annotator/marks.css'), 'utf8');
/** An open card host: its closed inline style with display switched on, as the controller does. */
const OPEN_HOST_STYLE = HOST_STYLE.replace('display: none;', 'display: block;');

const PAGE = `<!DOCTYPE html><html><head><style>${MARKS_CSS}</style></head><body>
<p id="para">Before <claimlens-mark id="bg" tabindex="0" data-style="background">one</claimlens-mark>
and <claimlens-mark id="ul" tabindex="0" data-style="underline">two</claimlens-mark>.</p>
<claimlens-card id="host" style="${OPEN_HOST_STYLE}"></claimlens-card></body></html>`;

interface Look {
  background: string;
  color: string;
  decoration: string;
  paraBackground: string;
  paraColor: string;
}

/** The computed look of mark `id` and of its paragraph. */
function look(id: string): Look {
  const mark = getComputedStyle(document.getElementById(id)!);
  const para = getComputedStyle(document.getElementById('para')!);
  return {
    background: mark.backgroundColor,
    color: mark.color,
    decoration: mark.textDecorationLine,
    paraBackground: para.backgroundColor,
    paraColor: para.color,
  };
}

describe('marks.css in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setContent(PAGE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('prints the article as the page would print it: no highlight, no underline, and never the card', async () => {
    await page.emulateMedia({ media: 'screen', forcedColors: 'none' });
    // Control: on screen the marks show and the open card host is displayed.
    expect((await page.evaluate(look, 'bg')).background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('host')!).display)).toBe('block');

    await page.emulateMedia({ media: 'print', forcedColors: 'none' });
    for (const id of ['bg', 'ul']) {
      const printed = await page.evaluate(look, id);
      expect([id, printed.background, printed.decoration]).toEqual([id, 'rgba(0, 0, 0, 0)', 'none']);
    }
    // A fixed element prints on every sheet: an open card must not print at all.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('host')!).display)).toBe('none');
  });

  it.each(['light', 'dark'] as const)(
    'keeps the background highlight visible and readable in forced colours (%s), where a translucent background is lost',
    async (colorScheme) => {
      await page.emulateMedia({ media: 'screen', forcedColors: 'active', colorScheme });
      const marked = await page.evaluate(look, 'bg');
      const plain = { background: marked.paraBackground.replace(/, 0\)$/, ')').replace('rgba', 'rgb'), color: marked.paraColor };
      // The highlight differs from the page's canvas, and its text from its own background.
      expect(marked.background).toMatch(/^rgb\(/);
      expect(marked.background).not.toBe(plain.background);
      expect(marked.color).not.toBe(marked.background);
      // The underline style stays what it is: no fill, the page's own text colour.
      const underline = await page.evaluate(look, 'ul');
      expect([underline.background.endsWith(', 0)'), underline.color]).toEqual([true, plain.color]);
    },
  );
});
