// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../../lib/page/text-model';
import { applyMarks, MARK_TAG } from '../../lib/annotate/marks';

function setup(html: string) {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  const root = document.querySelector('#root')!;
  return { root, model: buildTextModel(root) };
}

function spanOf(text: string, part: string) {
  const start = text.indexOf(part);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + part.length };
}

describe('applyMarks', () => {
  it('wraps a sentence split by inline elements in several marks carrying the ids', () => {
    const { root, model } = setup('<p>Before. The <a href="#">New York Times</a> reported it. After.</p>');
    const span = spanOf(model.text, 'The New York Times reported it.');
    const set = applyMarks(model, [{ ...span, claimIds: ['x', 'y'] }]);
    const marks = [...root.querySelectorAll(MARK_TAG)];
    expect(marks.length).toBe(3);
    expect(marks.map((m) => m.textContent).join('')).toBe('The New York Times reported it.');
    for (const m of marks) {
      expect(m.getAttribute('data-claim-ids')).toBe('x y');
      expect(m.getAttribute('tabindex')).toBe('0');
    }
    expect(set.marks).toHaveLength(3);
    expect(root.textContent).toBe('Before. The New York Times reported it. After.');
  });

  it('restores the exact original DOM, keeping the page node identities', () => {
    const { root, model } = setup('<p>One two. <b>Three</b> four five.</p><p>Six seven.</p>');
    const before = root.innerHTML;
    const firstText = root.querySelector('p')!.firstChild;
    const set = applyMarks(model, [
      { ...spanOf(model.text, 'two. Three four'), claimIds: ['a'] },
      { ...spanOf(model.text, 'Six seven.'), claimIds: ['b'] },
    ]);
    expect(root.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
    set.remove();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')!.firstChild).toBe(firstText);
    expect(root.querySelector('p')!.childNodes.length).toBe(3);
  });

  it('does not wrap whitespace-only pieces between blocks', () => {
    const { root, model } = setup('<p>Alpha beta.</p>\n   <p>Gamma delta.</p>');
    applyMarks(model, [{ start: 0, end: model.text.indexOf('delta.') + 6, claimIds: ['a'] }]);
    for (const m of root.querySelectorAll(MARK_TAG)) expect(m.textContent!.trim()).not.toBe('');
  });

  it('leaves the text a page wrote into its own node when marks are removed', () => {
    // A framework keeps its text node and rewrites it (React sets nodeValue): our split-off pieces are stale then.
    const { root, model } = setup('<p>Intro words. The claim sentence is here. Outro words.</p>');
    const node = root.querySelector('p')!.firstChild as Text;
    const set = applyMarks(model, [{ ...spanOf(model.text, 'The claim sentence is here.'), claimIds: ['a'] }]);
    node.data = 'The council will meet again next week.';
    set.remove();
    expect(root.querySelector('p')!.textContent).toBe('The council will meet again next week.');
    expect(root.querySelector(MARK_TAG)).toBeNull();
  });
});
