// @vitest-environment jsdom
// A page that defines `claimlens-mark` or `claimlens-card` itself must never
// have its code run on our elements: we then add nothing to it. Each test
// uses a fresh JSDOM, because a registry definition cannot be undone.
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { createCardController } from '../../lib/annotate/card-controller';
import { applyMarks } from '../../lib/annotate/marks';
import { CARD_TAG, MARK_TAG, pageClaimsOurTags, pageClaimsTag } from '../../lib/annotate/tags';
import { buildTextModel } from '../../lib/page/text-model';

const doms: JSDOM[] = [];

afterEach(() => {
  for (const dom of doms.splice(0)) dom.window.close();
});

/** A page with one paragraph; `script` runs in it first (as the page's own code). */
function page(script = ''): { doc: Document; win: JSDOM['window']; log: string[] } {
  const dom = new JSDOM(`<!DOCTYPE html><body><article id="root"><p>Alpha beta gamma delta.</p></article><script>window.log = []; ${script}</script></body>`, {
    runScripts: 'dangerously',
  });
  doms.push(dom);
  const win = dom.window;
  return { doc: win.document, win, log: (win as unknown as { log: string[] }).log };
}

const LOGGING_CLASS = (name: string) =>
  `class extends HTMLElement { constructor() { super(); window.log.push('${name}: constructed'); this.attachShadow({ mode: 'closed' }); } connectedCallback() { window.log.push('${name}: connected'); } }`;

function markAll(doc: Document) {
  const model = buildTextModel(doc.getElementById('root')!);
  return applyMarks(model, [{ start: 0, end: model.text.trim().length, claimIds: ['c1'] }]);
}

function cardController(doc: Document) {
  const view = doc.defaultView as unknown as typeof globalThis;
  return createCardController({
    root: doc.getElementById('root')!,
    css: '',
    render: (container) => {
      container.textContent = 'card';
    },
    clear: (container) => {
      container.textContent = '';
    },
    signal: new view.AbortController().signal,
  });
}

describe('pageClaimsTag', () => {
  it('is false on an ordinary page, so marks and the card are added', () => {
    const { doc } = page();
    expect(pageClaimsOurTags(doc)).toBe(false);
    expect(markAll(doc).marks).toHaveLength(1);
    const controller = cardController(doc);
    expect(doc.querySelector(CARD_TAG)).toBe(controller.host);
  });

  it.each([MARK_TAG, CARD_TAG])('is true once the page defines <%s>', (tag) => {
    const { doc } = page(`customElements.define('${tag}', ${LOGGING_CLASS(tag)});`);
    expect(pageClaimsTag(doc, tag)).toBe(true);
    expect(pageClaimsOurTags(doc)).toBe(true);
  });

  it('detects a definition without a registry (Chrome isolated worlds), and one whose constructor throws', () => {
    const { doc, win } = page(
      `customElements.define('${MARK_TAG}', ${LOGGING_CLASS(MARK_TAG)});` +
        `customElements.define('${CARD_TAG}', class extends HTMLElement { constructor() { super(); throw new Error('page says no'); } });`,
    );
    // The isolated world of a Chrome content script sees the page's DOM but no customElements.
    const isolated = {
      defaultView: { customElements: null, HTMLUnknownElement: win.HTMLUnknownElement },
      createElement: (tag: string) => doc.createElement(tag),
    } as unknown as Document;
    win.addEventListener('error', (e) => e.preventDefault());
    expect(pageClaimsTag(isolated, MARK_TAG)).toBe(true);
    expect(pageClaimsTag(isolated, CARD_TAG)).toBe(true);
    expect(pageClaimsTag(isolated, 'claimlens-unused')).toBe(false);
  });
});

describe('on a page that defined our names', () => {
  it.each([MARK_TAG, CARD_TAG])('adds no marks and no card when the page defined <%s>, so no page code runs on them', (tag) => {
    const { doc, log } = page(`customElements.define('${tag}', ${LOGGING_CLASS(tag)});`);
    const before = doc.body.innerHTML;
    const set = markAll(doc);
    const controller = cardController(doc);
    expect(set.marks).toEqual([]);
    expect(doc.body.innerHTML).toBe(before);
    expect(controller.host.isConnected).toBe(false);
    controller.open(doc.querySelector('p')!);
    expect(controller.openMark).toBeNull();
    // Only the guard's registry lookup happened: nothing was constructed or connected.
    expect(log).toEqual([]);
  });
});
