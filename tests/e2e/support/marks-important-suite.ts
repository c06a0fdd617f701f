/**
 * Marks under page rules with !important, through the real built extension,
 * defined once and run per browser by marks-important.chromium.test.ts and
 * marks-important.firefox.test.ts. A page rule such as
 * `p * { font-size: 2em !important }` matches our marks; an author sheet's
 * !important loses to the page's more specific one, so the marks' sheet has
 * to come from the user origin (insertCSS `origin: 'USER'`), whose
 * !important beats every author declaration. Each marked character must sit
 * where the bare text puts it, and our own highlight must still show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type TestBrowser } from '../../../lib/cli/browser-harness/browsers';
import { startServer, type TestServer } from '../../../lib/cli/browser-harness/server';
import { builtExtensionDir, type BrowserName } from './paths';
import { moved, paragraphLayouts, type Layout } from './text-layout';
import { pollUntil } from './ux-harness';

const CLAIM = "The intelligence community has assessed that Russia's hacking of Democratic groups and operatives was carried out to help Trump defeat Democrat Hillary Clinton.";
const FILLER = 'The city council met on Tuesday evening to discuss the budget for the coming year, and residents filled the hall to hear the plans. ';

/** Page rules that reach every element of a paragraph, ours included, with !important. */
export const IMPORTANT_RULES = [
  'p * { font-size: 2em !important; }',
  'article * { letter-spacing: 3px !important; }',
  'article p * { word-spacing: 1em !important; text-transform: uppercase !important; }',
  'p > * { vertical-align: super !important; line-height: 3 !important; }',
  'p * { display: block !important; margin: 10px !important; padding: 4px !important; }',
  'p *::before { content: "» " !important; }',
  // A page that styles every element plainly must not take our highlight away either.
  'p * { background-color: transparent !important; text-decoration: none !important; outline: none !important; cursor: auto !important; }',
  // Not even !important: a user-origin declaration without it (our custom property) would lose to this.
  'article * { --claimlens-ink: transparent; }',
];

/** A seed-like article (og:type article) whose one claim sentence sits in #para. */
function articleHtml(): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story</title><meta property="og:type" content="article">
<style>body { width: 700px; margin: 8px; font: 16px/1.5 serif; } ${IMPORTANT_RULES.join('\n')}</style></head>
<body><article><h1>A headline</h1><p>${FILLER.repeat(3)}</p>
<p id="para">Opening words. ${CLAIM} Closing words of the paragraph.</p>
<p id="next">${FILLER.repeat(2)}</p></article></body></html>`;
}

/** The computed looks of the first mark of #para and of #para itself. */
interface Looks {
  mark: Record<string, string>;
  para: Record<string, string>;
}

/** Runs in the page: the text properties page rules reach, and our highlight and focus ring. */
function readLooks(): Looks {
  const para = document.getElementById('para')!;
  const props = ['font-size', 'letter-spacing', 'word-spacing', 'text-transform', 'vertical-align', 'line-height', 'margin-left', 'padding-left'];
  const pick = (style: CSSStyleDeclaration) => Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  const first = para.querySelector<HTMLElement>('claimlens-mark')!;
  const s = getComputedStyle(first);
  const mark = {
    ...pick(s),
    before: getComputedStyle(first, '::before').content,
    display: s.display,
    decoration: `${first.getAttribute('data-style')}: ${s.textDecorationLine} ${s.textDecorationStyle} ${s.textDecorationThickness}`,
    ink: s.getPropertyValue('--claimlens-ink').trim(),
    cursor: s.cursor,
  };
  first.focus();
  const focused = getComputedStyle(first);
  const focusRing = first.matches(':focus-visible') ? `${focused.outlineStyle} ${focused.outlineWidth}` : 'no focus-visible';
  first.blur();
  return { mark: { ...mark, focusRing }, para: pick(getComputedStyle(para)) };
}

/** Defines the suite for `browserName`. */
export function defineMarksImportantSuite(browserName: BrowserName): void {
  describe(`marks under page rules with !important in ${browserName}`, () => {
    let server: TestServer;
    let browser: TestBrowser;
    let looks: Looks;
    let marked: Layout;
    let bare: Layout;

    beforeAll(async () => {
      server = await startServer({ '/news/story.html': { html: articleHtml() } });
      browser = await launchWithExtension(browserName, builtExtensionDir(browserName));
      await browser.page.goto(server.url('/news/story.html'));
      const count = () => browser.page.evaluate(() => document.querySelectorAll('#para claimlens-mark').length, null);
      expect(await pollUntil(count, (n) => n > 0, 15_000), 'the claim sentence was never marked').toBeGreaterThan(0);
      looks = await browser.page.evaluate(readLooks, null);
      // Last: it unwraps the marks to measure the bare text.
      [marked, bare] = (await browser.page.evaluate(paragraphLayouts, true)) as [Layout, Layout];
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('renders the marked text exactly as the page renders the bare text (same computed text properties)', () => {
      const { focusRing: _f, decoration: _d, ink: _i, cursor: _c, before, display, ...text } = looks.mark;
      expect(text).toEqual(looks.para);
      expect([before, display]).toEqual(['none', 'inline']);
    });

    it('leaves every character of the paragraph, and the next paragraph, where the bare text puts them', () => {
      expect(moved(bare, marked)).toEqual([]);
    });

    it('still shows its own highlight, underline colour and focus ring over the page rules', () => {
      // The default highlight style: a dotted 2 px underline, no fill.
      expect(looks.mark.decoration).toBe('underline: underline dotted 2px');
      expect(looks.mark.ink).toMatch(/color-mix|color\(|rgb/);
      expect(looks.mark.cursor).toBe('help');
      expect(looks.mark.focusRing).toBe('solid 2px');
    });
  });
}
