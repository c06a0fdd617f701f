/**
 * Seeded random article DOMs and annotation spans, for the mark/unmark fuzz
 * test (tests/dom/marks-fuzz.test.ts). Everything is built through the DOM
 * API, not innerHTML, so that the shapes a parser never makes but scripts
 * do (adjacent and empty text nodes, text directly in a table row) occur too.
 */

/** A seeded PRNG (mulberry32): the same seed gives the same cases. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** Creates the mulberry32 generator for `seed`. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** Words with the characters that tend to break text handling. */
const WORDS = [
  'the', 'council', 'said', 'Russia', 'hacking', 'Trump', 'denied', 'contact', 'budget', 'year',
  'שלום', 'עולם', 'مرحبا', 'بالعالم', // RTL
  '😀', 'a😀b', '👩‍👩‍👧', '𝔘𝔫𝔦', // non-BMP, surrogate pairs, a ZWJ sequence
  'café', 'cafe\u0301', 'n\u0303o', // precomposed and combining marks
  'soft\u00adhyphen', 'zero\u200dwidth', 'no\u00a0break', 'x'.repeat(120),
];
const PUNCT = ['.', ',', '!', '?', ';', '', '', ''];

/** A few words of sentence-like text, sometimes with line breaks or only whitespace. */
export function randomText(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.05) return '';
  if (roll < 0.12) return rng.pick([' ', '\n', '  \n  ', '\u00a0', '\t']);
  const n = 1 + rng.int(8);
  let s = rng.chance(0.3) ? ' ' : '';
  for (let i = 0; i < n; i++) {
    s += rng.pick(WORDS) + rng.pick(PUNCT);
    if (i < n - 1 || rng.chance(0.4)) s += rng.pick([' ', ' ', ' ', '\n', '\u00a0']);
  }
  return s;
}

const INLINE_TAGS = ['span', 'a', 'em', 'strong', 'b', 'i', 'sup'];
const BLOCK_TAGS = ['p', 'div', 'blockquote', 'h2'];

/** A form control or code with text inside: never read, never wrapped. */
function formControl(doc: Document, kind: number): Element {
  if (kind === 5) return Object.assign(doc.createElement('textarea'), { value: 'typed the council said' });
  if (kind === 6) {
    const select = doc.createElement('select');
    select.append(Object.assign(doc.createElement('option'), { textContent: 'the council' }));
    return select;
  }
  const el = doc.createElement(kind === 7 ? 'button' : 'code');
  el.textContent = 'Share the council said';
  return el;
}

/** Content the text model must never read (and marking never wrap). */
function skippedElement(doc: Document, rng: Rng): Element {
  const kind = rng.int(9);
  if (kind >= 5) return formControl(doc, kind);
  if (kind === 0) {
    const s = doc.createElement('script');
    s.textContent = 'window.pageText = "the council said";';
    return s;
  }
  if (kind === 1) {
    const s = doc.createElement('style');
    s.textContent = 'p { color: red }';
    return s;
  }
  const el = doc.createElement(rng.pick(['span', 'div']));
  if (kind === 2) el.setAttribute('hidden', '');
  else if (kind === 3) el.setAttribute('style', 'display: none');
  else el.setAttribute('aria-hidden', 'true');
  el.textContent = randomText(rng) || 'hidden words';
  return el;
}

function inlineNodes(doc: Document, rng: Rng, depth: number, out: Node[]): void {
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    const roll = rng.next();
    if (roll < 0.5 || depth <= 0) out.push(doc.createTextNode(randomText(rng)));
    else if (roll < 0.56) out.push(doc.createComment(' a comment '));
    else if (roll < 0.6) out.push(doc.createElement(rng.pick(['wbr', 'br'])));
    else if (roll < 0.67) out.push(skippedElement(doc, rng));
    else {
      const el = doc.createElement(rng.pick(INLINE_TAGS));
      if (el.tagName === 'A') el.setAttribute('href', '#x');
      if (rng.chance(0.2)) el.setAttribute('dir', 'rtl');
      if (rng.chance(0.1)) el.setAttribute('class', 'share'); // furniture words, read all the same in a paragraph
      const kids: Node[] = [];
      inlineNodes(doc, rng, depth - 1, kids);
      el.append(...kids);
      out.push(el);
    }
  }
}

function withInline(doc: Document, rng: Rng, el: Element, depth: number): Element {
  const kids: Node[] = [];
  inlineNodes(doc, rng, depth, kids);
  el.append(...kids);
  return el;
}

function blockNode(doc: Document, rng: Rng, depth: number): Node {
  const roll = rng.next();
  if (roll < 0.08) return doc.createTextNode(rng.pick(['\n  ', ' ', '']));
  if (roll < 0.14) return skippedElement(doc, rng);
  if (roll < 0.22) {
    const ul = doc.createElement('ul');
    for (let i = 1 + rng.int(3); i > 0; i--) ul.append(withInline(doc, rng, doc.createElement('li'), 2));
    return ul;
  }
  if (roll < 0.28) {
    const fig = doc.createElement('figure');
    fig.append(withInline(doc, rng, doc.createElement('figcaption'), 1));
    return fig;
  }
  if (roll < 0.34) {
    const table = doc.createElement('table');
    const tr = table.appendChild(doc.createElement('tbody')).appendChild(doc.createElement('tr'));
    for (let i = 1 + rng.int(3); i > 0; i--) tr.append(withInline(doc, rng, doc.createElement(rng.pick(['td', 'th'])), 1));
    if (rng.chance(0.3)) tr.append(doc.createTextNode('stray row text'));
    return table;
  }
  if (roll < 0.44 && depth > 0) {
    const div = doc.createElement(rng.pick(['div', 'blockquote']));
    for (let i = 1 + rng.int(3); i > 0; i--) div.append(blockNode(doc, rng, depth - 1));
    return div;
  }
  const el = withInline(doc, rng, doc.createElement(rng.pick(BLOCK_TAGS)), 3);
  if (rng.chance(0.2)) el.setAttribute('class', rng.pick(['story-text', 'share-tools', 'related-links', 'meta']));
  return el;
}

/** Fills `root` with a random article: blocks of inline runs, furniture, hidden and skipped parts. */
export function fillRandomArticle(root: Element, rng: Rng): void {
  const doc = root.ownerDocument;
  for (let i = 1 + rng.int(5); i > 0; i--) root.append(blockNode(doc, rng, 2));
}

/** A span over the model text with a claim id. */
export interface RandomSpan {
  claimId: string;
  start: number;
  end: number;
}

/**
 * Random spans over `text`: sentence-like runs, spans that start or end in a
 * word or on a node boundary (`cuts`), tiny and whole-text spans, overlapping
 * and adjacent ones.
 */
export function randomSpans(rng: Rng, text: string, cuts: readonly number[]): RandomSpan[] {
  const spans: RandomSpan[] = [];
  const len = text.length;
  if (len === 0) return spans;
  const point = () => (cuts.length > 0 && rng.chance(0.4) ? rng.pick(cuts) : rng.int(len + 1));
  for (let n = 1 + rng.int(5); n > 0; n--) {
    const claimId = rng.pick(['a', 'b', 'c']);
    const roll = rng.next();
    let start: number;
    let end: number;
    if (roll < 0.1) [start, end] = [0, len];
    else if (roll < 0.25 && spans.length > 0) {
      const prev = rng.pick(spans); // adjacent to, or overlapping, an earlier span
      start = rng.chance(0.5) ? prev.end : prev.start + rng.int(Math.max(1, prev.end - prev.start));
      end = start + 1 + rng.int(60);
    } else {
      start = point();
      end = rng.chance(0.5) ? point() : start + 1 + rng.int(rng.chance(0.3) ? 4 : 120);
    }
    if (end < start) [start, end] = [end, start];
    spans.push({ claimId, start, end: Math.min(end, len) });
  }
  return spans;
}
