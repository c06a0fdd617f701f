// @vitest-environment jsdom
// DOMPurify must run in jsdom: under happy-dom it silently does not sanitise.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../entrypoints/annotator/render-card';
import type { MatchedClaim } from '../../lib/messages';
import { installMessages } from '../support/i18n';

function claim(noteHtml?: string): MatchedClaim {
  return {
    id: 'c1',
    text: 'The moon is made of cheese.',
    packId: 'p',
    packTitle: 'Test pack',
    stances: [],
    reviews: [],
    ...(noteHtml === undefined ? {} : { noteHtml }),
  };
}

function show(noteHtml?: string): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  renderCard(container, [{ claim: claim(noteHtml) }] as Parameters<typeof renderCard>[1]);
  return container;
}

beforeAll(() => installMessages());
afterEach(() => {
  document.body.innerHTML = '';
  delete (window as { __noteFired?: number }).__noteFired;
});

describe("the card's HTML note, the only pack HTML that is rendered", () => {
  it('keeps the allowed markup and forces links to open safely', () => {
    const note = show('<p><em>Context</em>: see <a href="https://example.org/x">the ruling</a>.</p>').querySelector('.note')!;
    expect(note.querySelector('em')!.textContent).toBe('Context');
    const link = note.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.org/x');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it.each([
    '<img src=x onerror="window.__noteFired=1">',
    '<script>window.__noteFired=1</script>',
    '<a href="javascript:window.__noteFired=1">x</a>',
    '<a href="JaVaScRiPt:window.__noteFired=1">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<svg><animate onbegin="window.__noteFired=1"/></svg>',
    '<p style="background:url(javascript:alert(1))" onclick="window.__noteFired=1">x</p>',
    '<iframe srcdoc="<script>parent.__noteFired=1</script>"></iframe>',
  ])('strips %j', (hostile) => {
    const note = show(`<p>ok</p>${hostile}`).querySelector('.note')!;
    for (const el of note.querySelectorAll('*')) {
      expect(['P', 'A', 'EM', 'STRONG', 'B', 'I', 'BR', 'UL', 'OL', 'LI']).toContain(el.tagName);
      for (const attr of el.attributes) expect(attr.name).toMatch(/^(href|rel|target)$/);
    }
    for (const a of note.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^https?:/);
    expect((window as { __noteFired?: number }).__noteFired).toBeUndefined();
  });

  it('shows no note element when the claim has none', () => {
    expect(show().querySelector('.note')).toBeNull();
  });
});
