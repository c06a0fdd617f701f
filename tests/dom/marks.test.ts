// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../../lib/page/text-model';
import { applyMarks, applyMarksInSlices, MARK_TAG } from '../../lib/annotate/marks';

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

// React and other frameworks keep references to the text nodes they rendered
// and later remove or insert around them (removeChild, insertBefore): a node
// moved into a mark would make those calls throw and crash the page's app.
describe('the page\'s own text nodes under marks', () => {
  it.each([
    ['a node marked whole', '<p><em>Claim here.</em> Outro.</p>', 'em'],
    ['a node marked from its start', '<p>Claim here. Outro.</p>', 'p'],
  ])('stay in their parent, so the page can still remove them: %s', (_, html, parentTag) => {
    const { root, model } = setup(html);
    const parent = root.querySelector(parentTag)!;
    const node = parent.firstChild as Text;
    const set = applyMarks(model, [{ ...spanOf(model.text, 'Claim here.'), claimIds: ['a'] }]);
    expect(root.querySelector(MARK_TAG)!.textContent).toBe('Claim here.');
    expect(node.parentNode).toBe(parent);
    expect(() => parent.insertBefore(document.createTextNode('New. '), node)).not.toThrow();
    expect(() => parent.removeChild(node)).not.toThrow();
    set.remove();
    expect(root.querySelector(MARK_TAG)).toBeNull();
  });
});

// Shrunk from tests/dom/marks-fuzz.test.ts: a page script edits around our marks, then the marks are taken out.
describe('removing marks after the page changed the marked text', () => {
  function marked(html: string, sentence: string) {
    const { root, model } = setup(html);
    const set = applyMarks(model, [{ ...spanOf(model.text, sentence), claimIds: ['a'] }]);
    const p = root.querySelector('p')!;
    return { p, set, mark: p.querySelector(MARK_TAG)!, ins: Object.assign(document.createElement('ins'), { textContent: 'x' }) };
  }

  it.each([
    ['appended inside a mark', (m: Element, n: Node) => m.append(n), 'Intro. Claim here.<ins>x</ins> Outro.'],
    ['prepended inside a mark (the marked text stays after it)', (m: Element, n: Node) => m.prepend(n), 'Intro. <ins>x</ins>Claim here. Outro.'],
    ['inserted next to a mark (the text stays in order around it)', (m: Element, n: Node) => m.before(n), 'Intro. <ins>x</ins>Claim here. Outro.'],
  ])('keeps a node the page %s', (_, insert, expected) => {
    const { p, set, mark, ins } = marked('<p>Intro. Claim here. Outro.</p>', 'Claim here.');
    insert(mark, ins);
    set.remove();
    expect(p.innerHTML).toBe(expected);
  });

  it('takes out a mark whose text the page removed', () => {
    const { p, set, mark } = marked('<p>Intro. Claim here. Outro.</p>', 'Claim here.');
    mark.firstChild!.remove();
    set.remove();
    expect(p.innerHTML).toBe('Intro.  Outro.');
  });

  it('does not bring back a mark the page removed', () => {
    const { p, set, mark } = marked('<p>Intro. Claim here. Outro.</p>', 'Claim here.');
    mark.remove();
    set.remove();
    expect(p.innerHTML).toBe('Intro.  Outro.');
  });

  it('keeps the text after a removed mark that held the start of a page node', () => {
    const { p, set, mark } = marked('<p>Claim here. Outro.</p>', 'Claim here.');
    mark.remove();
    set.remove();
    expect(p.innerHTML).toBe(' Outro.');
  });
});

describe('applyMarks on characters outside the BMP', () => {
  it('never cuts a surrogate pair in two: a boundary inside one moves past it', () => {
    const { root, model } = setup('<p>Go 😀 team 𝔘𝔫𝔦 now.</p>');
    const smile = model.text.indexOf('😀');
    const fraktur = model.text.indexOf('𝔫');
    // Starts inside the emoji, ends inside 𝔫: both boundaries move past their pair.
    applyMarks(model, [{ start: smile + 1, end: fraktur + 1, claimIds: ['a'] }]);
    const p = root.querySelector('p')!;
    expect([...p.childNodes].map((n) => n.textContent)).toEqual(['Go 😀', ' team 𝔘𝔫', '𝔦 now.']);
    expect(p.querySelector(MARK_TAG)!.textContent).toBe(' team 𝔘𝔫');
  });
});

describe('applyMarksInSlices when the page changes text between slices', () => {
  it('skips a node whose text the page replaced with other text of the same length', async () => {
    const { root, model } = setup('<p>First claim here.</p><p>Second claim here.</p>');
    const second = root.querySelectorAll('p')[1]!.firstChild as Text;
    const set = await applyMarksInSlices(model, [{ start: 0, end: model.text.length, claimIds: ['a'] }], {
      shouldPause: () => true,
      pause: async () => ((second.data = 'Altered text here.'), true),
      write: (w) => w(),
    });
    expect([...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual(['First claim here.']);
    set.remove();
    expect(root.innerHTML).toBe('<p>First claim here.</p><p>Altered text here.</p>');
  });
});
