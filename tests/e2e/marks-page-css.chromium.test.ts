// Page rules that reach every element in a paragraph (`p *`, `p > :first-child`, `*::before`) start to
// match the marks we add. A mark must leave its text where it was: every character of the paragraph is
// measured without and with the mark (to half a pixel: text shaped in two runs drifts by a tenth), in real Chromium (playwright-core, marks.css as an author sheet:
// the weaker case; the extension inserts it as a user sheet, which marks-important.*.test.ts checks against page !important rules).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../lib/cli/browser-harness/browsers';
import { projectRoot } from './support/paths';
import { moved, paragraphLayouts } from './support/text-layout';

const MARKS_CSS = readFileSync(path.join(projectRoot, 'entrypoints/annotator/marks.css'), 'utf8');
const MARKED = 'delta epsilon zeta eta';

/** The paragraph with MARKED plain or in a mark of `style`, under the page rule `rule`. */
function article(rule: string, style: string | null): string {
  const middle = style === null ? MARKED : `<claimlens-mark tabindex="0" data-style="${style}">${MARKED}</claimlens-mark>`;
  return `<!DOCTYPE html><html><head><style>${MARKS_CSS}</style><style>${rule}</style></head><body style="width: 560px">
<article><p id="para">Alpha beta gamma ${middle} theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon.</p>
<p id="next">Next paragraph.</p></article></body></html>`;
}

describe('marks under page CSS in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 600, height: 600 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    // Rules that a mark resisted already (controls).
    '* { margin: 4px; padding: 2px; } p { display: block; }',
    'p > * { display: block; }',
    '* { all: unset; } p { display: block; }',
    // Rules that reached into marks.
    'article p *::before { content: "» "; }',
    'p > *::after { content: ""; display: block; }',
    'p :first-child { float: left; }',
    'p > * { vertical-align: super; }',
    'p > * { position: absolute; }',
    'p * { text-transform: uppercase; }',
    'p * { word-spacing: 1em; }',
    'p * { writing-mode: vertical-rl; }',
  ])('leaves the text where it was under the page rule %j', async (rule) => {
    await page.setContent(article(rule, null));
    const [before] = await page.evaluate(paragraphLayouts, false);
    for (const style of ['underline', 'background']) {
      await page.setContent(article(rule, style));
      const [after] = await page.evaluate(paragraphLayouts, false);
      expect(moved(before!, after!), `${style} mark`).toEqual([]);
    }
  });
});
