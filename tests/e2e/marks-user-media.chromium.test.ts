// The marks' sheet as the extension really inserts it (a user sheet, lib/background/annotator.ts) under
// media that only Chromium's driver emulates: print, forced colours, a dark system theme. A user sheet is
// not reverted by forced colours as an author sheet is, so its own colours must be forced ones there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type TestBrowser } from '../../lib/cli/browser-harness/browsers';
import { startServer, type TestServer } from '../../lib/cli/browser-harness/server';
import { HOST_STYLE } from '../../lib/annotate/card-controller';
import { builtExtensionDir } from './support/paths';
import { pollUntil } from './support/ux-harness';

const CLAIM = "The intelligence community has assessed that Russia's hacking of Democratic groups and operatives was carried out to help Trump defeat Democrat Hillary Clinton.";
const FILLER = 'The city council met on Tuesday evening to discuss the budget for the coming year, and residents filled the hall to hear the plans. ';

/**
 * An article the extension marks (so it inserts its sheet), and beside it one mark of each highlight
 * style and an open card host: the user sheet styles every such element of the page.
 */
const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story</title><meta property="og:type" content="article"></head>
<body><article><h1>A headline</h1><p>${FILLER.repeat(3)}</p><p id="para">${CLAIM}</p></article>
<aside><p>Before <claimlens-mark id="bg" tabindex="0" data-style="background">one</claimlens-mark>
and <claimlens-mark id="ul" tabindex="0" data-style="underline">two</claimlens-mark>.</p>
<claimlens-card id="host" style="${HOST_STYLE.replace('display: none;', 'display: block;')}"></claimlens-card></aside></body></html>`;

interface Look {
  background: string;
  color: string;
  underline: string;
  ring: string;
  decoration: string;
}

/** The computed look of mark `id`, its focus ring measured while it has keyboard-like focus. */
function look(id: string): Look {
  const mark = document.getElementById(id)!;
  mark.focus();
  const s = getComputedStyle(mark);
  const seen = { background: s.backgroundColor, color: s.color, underline: s.textDecorationColor, ring: s.outlineColor, decoration: s.textDecorationLine };
  mark.blur();
  return seen;
}

describe('the marks user sheet under print, forced colours and a dark theme in chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  const emulate = (media: Parameters<import('playwright-core').Page['emulateMedia']>[0]) => {
    if (browser.driver.kind !== 'playwright') throw new Error('Chromium runs under playwright');
    return browser.driver.page.emulateMedia(media);
  };

  beforeAll(async () => {
    server = await startServer({ '/news/story.html': { html: PAGE } });
    browser = await launchWithExtension('chromium', builtExtensionDir('chromium'));
    await browser.page.goto(server.url('/news/story.html'));
    const count = () => browser.page.evaluate(() => document.querySelectorAll('#para claimlens-mark').length, null);
    expect(await pollUntil(count, (n) => n > 0, 15_000), 'the claim sentence was never marked').toBeGreaterThan(0);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prints no highlight, no underline and never the card', async () => {
    await emulate({ media: 'print', forcedColors: 'none', colorScheme: 'light' });
    for (const id of ['bg', 'ul']) {
      const printed = await browser.page.evaluate(look, id);
      expect([id, printed.background, printed.decoration]).toEqual([id, 'rgba(0, 0, 0, 0)', 'none']);
    }
    expect(await browser.page.evaluate(() => getComputedStyle(document.getElementById('host')!).display, null)).toBe('none');
  });

  it('uses the calmer fill in a dark system theme', async () => {
    await emulate({ media: 'screen', forcedColors: 'none', colorScheme: 'dark' });
    expect((await browser.page.evaluate(look, 'bg')).background).toBe('rgba(240, 198, 116, 0.22)');
  });

  it.each(['light', 'dark'] as const)('draws underline and focus ring in the forced text colour in forced colours (%s)', async (colorScheme) => {
    await emulate({ media: 'screen', forcedColors: 'active', colorScheme });
    for (const id of ['bg', 'ul']) {
      const forced = await browser.page.evaluate(look, id);
      // The background style keeps the system highlight pair; both draw their ink in their own text colour.
      expect([id, forced.underline, forced.ring]).toEqual([id, forced.color, forced.color]);
    }
    const bg = await browser.page.evaluate(look, 'bg');
    expect([bg.background, bg.color]).not.toContain('rgba(0, 0, 0, 0)');
    expect(bg.background).not.toBe(bg.color);
  });
});
