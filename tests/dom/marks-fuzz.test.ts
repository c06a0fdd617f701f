// @vitest-environment jsdom
/**
 * Property-based test of the mark/unmark pipeline ("never break the page"):
 * random articles (tests/support/random-article.ts) and random annotation
 * spans, marked through the real path (toHighlights → applyMarks), checked,
 * unmarked and checked again; marked again, edited the way page scripts do,
 * and unmarked; and every fourth article marked in slices with page edits
 * in between (applyMarksInSlices).
 *
 * Where the code documents a behaviour the plain invariant would call a
 * violation, the invariant is narrowed, and says so:
 * - while marked, a page text node holds only its first piece (marks.ts
 *   splits it in place and keeps it as the first piece);
 * - a mark's text is the model's slice with line breaks read as spaces
 *   (text-model.ts), and blank parts of a highlight are not wrapped;
 * - a highlight edge inside a surrogate pair moves past the pair (marks.ts);
 * - a page that rewrites its own (split) text node wrote all its text there:
 *   unmarking drops the stale pieces (marks.ts, "rewritten");
 * - copies the page makes of marked HTML are not a MarkSet's to remove (the
 *   page session unwraps them, see page-session.test.ts).
 *
 * Failures are grouped by kind, each with its first case number: rerun one
 * case with FUZZ_CASE=<n> (and FUZZ_SEED) to debug it; FUZZ_CASES sets the count.
 */
import { describe, expect, it } from 'vitest';
import { toHighlights, type Highlight } from '../../lib/annotate/highlights';
import { applyMarks, applyMarksInSlices, MARK_TAG, type MarkSet } from '../../lib/annotate/marks';
import { isSkippedElement } from '../../lib/page/skip-rules';
import { buildTextModel, type TextModel } from '../../lib/page/text-model';
import { createRng, fillRandomArticle, randomSpans, randomText, type Rng } from '../support/random-article';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const ONLY = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);

const isMark = (n: Node) => n.nodeName.toLowerCase() === MARK_TAG;

/** The page's own elements under root (marks left out), each with its nearest non-mark parent and attributes. */
function pageElements(root: Element): { el: Element; parent: Node | null; attrs: string }[] {
  return [...root.querySelectorAll('*')]
    .filter((el) => !isMark(el))
    .map((el) => {
      let parent = el.parentNode;
      while (parent && isMark(parent)) parent = parent.parentNode;
      return { el, parent, attrs: [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ') };
    });
}

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The offset past the surrogate pair `offset` falls in (where marks.ts moves a highlight edge to). */
function pastPair(text: string, offset: number): number {
  return /[\ud800-\udbff]/.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(text[offset] ?? '') ? offset + 1 : offset;
}

/** Model offsets where a text node starts or ends: spans that touch node and block boundaries. */
function cutsOf(model: TextModel): number[] {
  return model.segments.flatMap((s) => [s.start, s.end]);
}

/**
 * Throws when `ok` is false. The checks below run a few hundred times per
 * case: plain conditions keep thousands of cases within seconds, where
 * an expect() each would not.
 */
function need(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** Invariant 1: what marking may and may not do to the page. */
function checkMarked(root: Element, before: { text: string; model: TextModel; elements: ReturnType<typeof pageElements>; texts: Text[]; datas: string[] }, highlights: Highlight[], set: MarkSet) {
  need(root.textContent === before.text, 'marking changed the textContent');
  const after = buildTextModel(root);
  need(after.text === before.model.text, 'marking changed the model text');
  // The page's elements: the same ones, in the same order, under the same parents, with the same attributes.
  const elements = pageElements(root);
  need(elements.length === before.elements.length, 'marking added or removed a page element');
  elements.forEach((e, i) => {
    const b = before.elements[i]!;
    need(e.el === b.el && e.parent === b.parent, `marking moved <${b.el.localName}>`);
    need(e.attrs === b.attrs, `marking changed the attributes of <${b.el.localName}>`);
  });
  // Every text node the page held is still there, holding the start of its text (its first piece).
  before.texts.forEach((t, i) => need(t.isConnected && before.datas[i]!.startsWith(t.data), `marking lost the page's text node ${JSON.stringify(before.datas[i])}`));
  need(root.querySelector(`${MARK_TAG} ${MARK_TAG}`) === null, 'a mark inside a mark');
  // No character is cut in two: a surrogate pair split across nodes renders as two broken glyphs.
  for (const t of textNodes(root)) need(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(t.data), `a surrogate pair cut at ${JSON.stringify(t.data)}`);
  const marks = [...root.querySelectorAll(MARK_TAG)];
  need(marks.length === set.marks.length, 'the mark set does not list the marks in the page');
  for (const mark of marks) {
    // Never in skipped or hidden content (script, style, hidden, display:none…).
    for (let a = mark.parentElement; a && a !== root; a = a.parentElement) need(!isSkippedElement(a), `a mark in skipped <${a.localName}>`);
    need(mark.childNodes.length === 1 && mark.firstChild!.nodeType === 3, 'a mark holds other than one text node');
  }
  // Each piece of text is marked exactly when it lies in a highlight (and is not blank), with that highlight's ids.
  for (const seg of after.segments) {
    const mark = seg.node.parentNode && isMark(seg.node.parentNode) ? (seg.node.parentNode as Element) : null;
    const h = highlights.find((x) => x.start < seg.end && x.end > seg.start);
    if (mark) {
      need(!!h && seg.start >= h.start && seg.end <= pastPair(before.model.text, h.end), `marked text outside its highlight: ${JSON.stringify(seg.node.data)}`);
      need(mark.getAttribute('data-claim-ids') === h!.claimIds.join(' '), 'a mark with the wrong claim ids');
      // The mark's text is the annotated slice (line breaks read as spaces, see text-model.ts).
      need(seg.node.data.replace(/\n/g, ' ') === before.model.text.slice(seg.start, seg.end), 'a mark whose text is not the model slice');
      need(set.marks.find((m) => m.element === mark)?.highlight === h, 'a mark listed with the wrong highlight');
    } else {
      // Unmarked text overlaps the highlights only in blank parts (which carry no claim text),
      // less the second half of a pair a highlight started in (marks.ts moves that edge past the pair).
      for (const x of highlights) {
        const from = Math.max(x.start, seg.start) - seg.start;
        const to = Math.min(x.end, seg.end) - seg.start;
        if (to > from) need(seg.node.data.slice(from, to).replace(/^[\udc00-\udfff]/, '').trim() === '', `highlighted text left unmarked: ${JSON.stringify(seg.node.data.slice(from, to))}`);
      }
    }
  }
}

/** A page script's edit of marked text, and what unmarking must then leave. */
type Mutation = { kind: string; apply(): void; expectedHtml?: () => string; inserted?: ChildNode; rewritten?: Text };

/**
 * Picks an edit. Edits expressible on the unmarked page are replayed on a
 * clone of it (`shadow`), and unmarking must give exactly that page. Edits in
 * the middle of a split node (inside or between marks) have no unmarked
 * counterpart; unmarking must then keep the text as the page left it.
 */
function randomMutation(rng: Rng, root: Element, shadow: Element, texts: Text[], marked: () => MarkSet): Mutation {
  const doc = root.ownerDocument;
  const pathOf = (node: Node) => {
    const path: number[] = [];
    for (let n = node; n !== root; n = n.parentNode!) path.unshift([...n.parentNode!.childNodes].indexOf(n as ChildNode));
    return path;
  };
  const inShadow = (path: number[]) => path.reduce<Node>((n, i) => n.childNodes[i]!, shadow);
  const elements = [...root.querySelectorAll(':not(style)')]; // an edit of a <style> makes jsdom log CSS it cannot parse
  const kind = rng.int(10);
  if (kind === 8) return { kind: 'normalize', apply: () => root.normalize(), expectedHtml: () => (shadow.normalize(), shadow.innerHTML) };
  const rewritable = texts.filter((t) => t.parentNode?.nodeName !== 'STYLE');
  if (kind === 0 && rewritable.length > 0) {
    // A framework rewrites the text node it owns (React sets nodeValue).
    const node = rng.pick(rewritable);
    const value = randomText(rng) || 'new';
    const path = pathOf(node);
    return { kind: 'rewrite-original', apply: () => void (node.data = value), expectedHtml: () => ((inShadow(path) as Text).data = value, shadow.innerHTML) };
  }
  if (kind === 1 && elements.length > 0) {
    const el = rng.pick(elements);
    const path = pathOf(el);
    return { kind: 'remove-element', apply: () => el.remove(), expectedHtml: () => ((inShadow(path) as Element).remove(), shadow.innerHTML) };
  }
  if (kind === 2 && elements.length > 0) {
    const el = rng.pick(elements);
    const path = pathOf(el);
    const before = rng.chance(0.5);
    const made = (d: Document) => Object.assign(d.createElement('ins'), { textContent: 'page insert' });
    const inserted = made(doc);
    const put = (target: Node, node: Node) => (before ? target.parentNode!.insertBefore(node, target) : target.appendChild(node));
    return { kind: 'insert-element', inserted, apply: () => put(el, inserted), expectedHtml: () => (put(inShadow(path), made(doc)), shadow.innerHTML) };
  }
  // The rest act on a mark, which exists only once marked: draw now, pick then.
  const which = rng.next();
  const first = rng.chance(0.5);
  const inserted = rng.chance(0.5) ? doc.createTextNode(' page text ') : Object.assign(doc.createElement('ins'), { textContent: 'page insert' });
  const onMark = (kind: string, act: (mark: Element) => void, node?: ChildNode): Mutation => ({
    kind,
    inserted: node,
    apply() {
      const marks = marked().marks;
      if (marks.length > 0) act(marks[Math.floor(which * marks.length)]!.element);
      else node?.remove(); // nothing to act on: the check below is about the page's node, none was added
    },
  });
  switch (kind) {
    case 3:
      return onMark('insert-in-mark', (m) => (first ? m.append(inserted) : m.prepend(inserted)), inserted);
    case 4:
      return onMark('insert-next-to-mark', (m) => (first ? m.before(inserted) : m.after(inserted)), inserted);
    case 5:
      return onMark('remove-mark', (m) => m.remove());
    case 6:
      return onMark('remove-marked-text', (m) => m.firstChild?.remove());
    case 9: {
      const target = elements.length > 0 ? rng.pick(elements) : root;
      return onMark('move-mark', (m) => target.append(m));
    }
    default: {
      // Editing a piece we split off keeps the edit. Editing the page's own node (the first piece)
      // is the documented rewrite of marks.ts: the page wrote all its text there, the other pieces are stale.
      const edit = onMark('edit-marked-text', (m) => {
        const node = m.firstChild as Text | null;
        if (!node) return;
        node.data += ' edited';
        if (texts.includes(node)) Object.assign(edit, { kind: 'edit-original-in-mark', rewritten: node });
      });
      return edit;
    }
  }
}

function runCase(n: number): void {
  const rng = createRng(SEED + n * 7919);
  const root = document.body.appendChild(document.createElement('article'));
  root.id = 'root';
  fillRandomArticle(root, rng);
  const model = buildTextModel(root);
  const html = root.innerHTML;
  const texts0 = textNodes(root);
  const datas = texts0.map((t) => t.data);
  const before = { text: root.textContent!, model, elements: pageElements(root), texts: texts0, datas };
  const highlights = toHighlights(randomSpans(rng, model.text, cutsOf(model)));

  // 1. Marking keeps the page's text, elements and nodes.
  const set = applyMarks(model, highlights);
  checkMarked(root, before, highlights, set);
  const markedHtml = root.innerHTML;

  // 2. Unmarking restores the page exactly, with the page's own text nodes.
  set.remove();
  need(root.innerHTML === html, 'unmarking did not restore the page');
  const texts = textNodes(root);
  need(texts.length === texts0.length, 'unmarking left the text split');
  texts.forEach((t, i) => need(t === texts0[i] && t.data === datas[i], `unmarking replaced the page's text node ${JSON.stringify(datas[i])}`));

  // 3. Annotating the same text again gives the same marks (the session rebuilds its model first).
  const shadow = root.cloneNode(true) as Element;
  let again: MarkSet | null = null;
  const mutation = randomMutation(rng, root, shadow, texts, () => again!);
  again = applyMarks(buildTextModel(root), highlights);
  need(root.innerHTML === markedHtml, 'marking again gave other marks');

  // 4. A page edit while marked, then unmarking: never throws, keeps the page's edit.
  mutation.apply();
  const hadMarks = again.marks.length > 0;
  const textBeforeUnmark = root.textContent;
  again.remove();
  const kind = mutation.kind;
  need(root.querySelector(MARK_TAG) === null, `${kind}: a mark left after unmarking`);
  if (mutation.inserted && hadMarks) need(mutation.inserted.isConnected, `${kind}: unmarking dropped the page's node`);
  if (mutation.expectedHtml) need(root.innerHTML === mutation.expectedHtml(), `${kind}: unmarking did not give the page as edited`);
  else if (mutation.rewritten) need(mutation.rewritten.isConnected && mutation.rewritten.data.endsWith(' edited'), `${kind}: unmarking lost the page's rewrite`);
  else need(root.textContent === textBeforeUnmark, `${kind}: unmarking changed the page's text`);
}

/**
 * Marking in slices while the page edits its text between them: a node the
 * page changed is left alone (so no mark holds text that is not what was
 * matched), and unmarking keeps the page's edits.
 */
async function runSlicedCase(n: number): Promise<void> {
  const rng = createRng(SEED + n * 104729);
  const root = document.body.appendChild(document.createElement('article'));
  root.id = 'root';
  fillRandomArticle(root, rng);
  const model = buildTextModel(root);
  const texts = textNodes(root);
  const highlights = toHighlights(randomSpans(rng, model.text, cutsOf(model)));
  const datas = texts.map((t) => t.data);
  const edit = () => {
    const i = rng.int(texts.length + 1);
    const node = texts[i];
    // Only nodes not marked yet (a marked one rewritten is the documented rewrite case of marks.ts).
    if (!node?.parentNode || node.data !== datas[i] || ['STYLE', MARK_TAG.toUpperCase()].includes(node.parentNode.nodeName)) return;
    const roll = rng.int(3);
    if (roll === 0) node.data = node.data.replace(/[a-z]/g, (c) => (c === 'q' ? 'k' : 'q')); // same length, other text
    else if (roll === 1) node.data += ' more';
    else node.remove();
  };
  const set = await applyMarksInSlices(model, highlights, {
    shouldPause: () => rng.chance(0.5),
    pause: async () => (edit(), true),
    write: (w) => w(),
  });
  for (const { element, highlight } of set.marks) {
    const matched = model.text.slice(highlight.start, pastPair(model.text, highlight.end));
    need(matched.includes(element.textContent!.replace(/\n/g, ' ')), `sliced: a mark on text the page changed: ${JSON.stringify(element.textContent)}`);
  }
  const text = root.textContent;
  set.remove();
  need(root.querySelector(MARK_TAG) === null && root.textContent === text, "sliced: unmarking lost the page's edits");
}

describe('mark/unmark fuzz', () => {
  it(`keeps every invariant over ${ONLY === null ? CASES : 1} random articles (seed ${SEED})`, async () => {
    // Failures are grouped by message, each with its first case, so one run shows every kind of violation.
    const failures = new Map<string, { count: number; first: number; html: string }>();
    for (let n = ONLY ?? 0; n < (ONLY === null ? CASES : ONLY + 1); n++) {
      document.querySelector('#root')?.remove();
      try {
        runCase(n);
        // Every fourth article is also marked in slices, with page edits in between.
        if (n % 4 === 0) {
          document.querySelector('#root')?.remove();
          await runSlicedCase(n);
        }
      } catch (e) {
        if (ONLY !== null) throw e;
        const key = (e as Error).message.split('\n')[0]!.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '…').replace(/\d+/g, '#');
        const seen = failures.get(key) ?? { count: 0, first: n, html: document.querySelector('#root')?.innerHTML ?? '' };
        seen.count++;
        failures.set(key, seen);
      }
    }
    const report = [...failures].map(([key, f]) => `${f.count}× ${key} (first: case ${f.first})\n  ${f.html.slice(0, 400)}`);
    expect(report, `seed ${SEED}`).toEqual([]);
  });
});
