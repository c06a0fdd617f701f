// The marks' page stylesheet under media that jsdom cannot evaluate (print, forced colours), in real
// Chromium (playwright-core, no extension needed: the sheet is applied as an author sheet here; the extension inserts it as a user
// sheet, whose media behaviour marks-user-media.chromium.test.ts checks through the built extension).
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
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('prints the article as the page would print it: no highlight, no underline, and never the card', async () => {
    await page.setContent(PAGE);
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
      await page.setContent(PAGE);
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

  it.each([
    ['light', 'a light page', '#ffffff', '#1d1d1f'],
    ['dark', 'a light page', '#ffffff', '#1d1d1f'],
    ['light', 'a dark page', '#121212', '#e8e8e8'],
    ['dark', 'a dark page', '#121212', '#e8e8e8'],
  ] as const)(
    'with a %s system theme on %s, the underline and the focus ring contrast 3:1 with the page (the page, not the system, sets its colours)',
    async (colorScheme, _name, background, text) => {
      await page.emulateMedia({ media: 'screen', forcedColors: 'none', colorScheme });
      await page.setContent(`<!DOCTYPE html><html><head><style>${MARKS_CSS}</style></head>
<body style="background: ${background}; color: ${text}"><p>Before <claimlens-mark id="ul" tabindex="0" data-style="underline">two</claimlens-mark>.</p></body></html>`);
      const seen = await page.evaluate(() => {
        const mark = document.getElementById('ul')!;
        mark.focus();
        const s = getComputedStyle(mark);
        return { focusVisible: mark.matches(':focus-visible'), underline: s.textDecorationColor, ring: s.outlineColor, page: getComputedStyle(document.body).backgroundColor };
      });
      expect(seen.focusVisible).toBe(true);
      const pageColour = parseColour(seen.page);
      for (const [what, colour] of [['underline', seen.underline], ['focus ring', seen.ring]] as const) {
        const ratio = contrast(over(parseColour(colour), pageColour), pageColour);
        expect(ratio, `${what} ${colour} on ${seen.page}`).toBeGreaterThanOrEqual(3);
      }
    },
  );
});

/** An sRGB colour with alpha, channels 0–1. */
type Rgba = [number, number, number, number];

/** Parses the colours getComputedStyle gives: rgb(), rgba() and color(srgb …) (what color-mix() computes to). */
function parseColour(css: string): Rgba {
  const rgb = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(css);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255, rgb[4] === undefined ? 1 : Number(rgb[4])];
  const srgb = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/.exec(css);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3]), srgb[4] === undefined ? 1 : Number(srgb[4])];
  throw new Error(`unparsed colour ${css}`);
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a: Rgba, b: Rgba): number {
  const lum = (c: Rgba) => {
    const [r, g, bl] = c.slice(0, 3).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

