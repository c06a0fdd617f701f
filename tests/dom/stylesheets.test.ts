// Rules of the shipped stylesheets that layout in a real browser depends on and jsdom cannot lay out:
// checked as rules here (the Chromium E2E tests open the card on real pages; marks-media.chromium.test.ts
// checks the marks' colours, print and forced-colours rules in Chromium).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = (file: string) => readFileSync(file, 'utf8');

/** The declarations of the first rule for `selector` inside `block` (a stylesheet or part of one). */
function declarations(block: string, selector: string): string {
  const at = block.indexOf(`${selector} {`);
  expect(at, `no rule for ${selector}`).toBeGreaterThanOrEqual(0);
  return block.slice(at, block.indexOf('}', at));
}

describe('stylesheets', () => {
  it('wrap long unbroken words (links, hashtags) in the card and the popup instead of overflowing', () => {
    expect(declarations(css('components/claim-card.css'), '.card')).toMatch(/overflow-wrap: anywhere/);
    expect(declarations(css('entrypoints/popup/popup.css'), '.claim-text')).toMatch(/overflow-wrap: anywhere/);
    // Everything else in the popup too: a site's host name, an error message, an export's file name.
    expect(declarations(css('entrypoints/popup/popup.css'), '.popup')).toMatch(/overflow-wrap: anywhere/);
    // And the options page (pack titles and sources, import messages); tests/e2e/options.chromium.test.ts lays it out.
    expect(declarations(css('entrypoints/options/options.css'), '.options')).toMatch(/overflow-wrap: anywhere/);
  });

  it('lay the card out by the text direction, not by a fixed left', () => {
    const card = css('components/claim-card.css');
    expect(declarations(card, '.card')).toMatch(/text-align: start/);
    expect(declarations(card, '.quote')).toMatch(/border-inline-start:/);
    expect(card).not.toMatch(/\b(?:border|padding|margin)-left\b|text-align: left/);
  });
});
