/**
 * Page functions (run through TestPage.evaluate) for the hostile-input
 * suites. Like page-scripts.ts, each is serialised on its own: no imports,
 * no module-level helpers, no closures. Each first disarms the built-ins a
 * hostile page breaks (see tests/fixtures/hostile/pages.ts) until its task
 * ends, so that the test's own reading of the page works there too.
 */

/** What the card's shadow root holds, as far as safety goes. */
export interface CardInspection {
  /** Number of claimlens-card hosts with an open shadow root. */
  roots: number;
  /** Text of the shadow root, outside <style>, exactly as stored (no white-space collapsing). */
  text: string;
  /** Every `href` attribute value of every element in the shadow root. */
  hrefs: string[];
  /** Elements that a card never needs and that markup injection would bring. */
  dangerous: string[];
  /** Event-handler attributes (on*) anywhere in the shadow root. */
  handlers: string[];
  /** <style> elements in the shadow root (the card's own is one). */
  styles: number;
}

/** Inspects every card host's shadow root. */
export function inspectCards(): CardInspection {
  const hostile = (window as unknown as { __hostile?: { armed: boolean } }).__hostile;
  if (hostile) {
    hostile.armed = false;
    setTimeout(() => (hostile.armed = true), 0);
  }
  const DANGEROUS = new Set([
    'script', 'img', 'image', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'link', 'meta', 'base',
    'form', 'input', 'button', 'textarea', 'select', 'video', 'audio', 'source', 'picture', 'template', 'marquee',
    'isindex', 'keygen', 'noscript', 'xmp', 'noembed', 'animate', 'set', 'use', 'foreignobject', 'title', 'body', 'html',
  ]);
  const out: CardInspection = { roots: 0, text: '', hrefs: [], dangerous: [], handlers: [], styles: 0 };
  for (const host of document.querySelectorAll('claimlens-card')) {
    const root = host.shadowRoot;
    if (!root) continue;
    out.roots++;
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      if (name === 'style') out.styles++;
      if (DANGEROUS.has(name)) out.dangerous.push(`<${name}>`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) out.handlers.push(`${attr.name} on <${name}>`);
        if (attr.name.toLowerCase() === 'href' || attr.name.toLowerCase() === 'xlink:href') out.hrefs.push(attr.value);
      }
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement?.closest('style')) out.text += `${(n as Text).data}\n`;
    }
  }
  return out;
}

/** Reads a page global (e.g. the XSS sentinel) as JSON-safe text; undefined when unset. */
export function readGlobal(name: string): string | undefined {
  const hostile = (window as unknown as { __hostile?: { armed: boolean } }).__hostile;
  if (hostile) {
    hostile.armed = false;
    setTimeout(() => (hostile.armed = true), 0);
  }
  const value = (window as unknown as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  try {
    return value instanceof Element ? `element <${value.localName}>` : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Marks on the page, with where they are (for fixtures that must stay unmarked). */
export interface MarksReport {
  count: number;
  /** Marks inside regions that must never be marked (code, form fields, editable, SVG...). */
  forbidden: string[];
  /** Marks that the page's custom element definitions upgraded. */
  upgraded: number;
  /** Text of the marks, collapsed, for the seed sentence check. */
  texts: string[];
}

/** Counts marks and finds any in regions the extension must leave alone. */
export function reportMarks(): MarksReport {
  const hostile = (window as unknown as { __hostile?: { armed: boolean } }).__hostile;
  if (hostile) {
    hostile.armed = false;
    setTimeout(() => (hostile.armed = true), 0);
  }
  const marks = [...document.querySelectorAll('claimlens-mark')];
  const forbidden: string[] = [];
  for (const m of marks) {
    const bad = m.closest('pre, code, textarea, [contenteditable]:not([contenteditable="false"]), svg, [data-must-stay-unmarked]');
    if (bad) forbidden.push(`${(m.textContent ?? '').slice(0, 40)} in <${bad.localName}>`);
  }
  return {
    count: marks.length,
    forbidden,
    upgraded: marks.filter((m) => m.matches(':defined')).length,
    texts: marks.map((m) => (m.textContent ?? '').replace(/\s+/g, ' ').trim()),
  };
}

/** How far annotation moved the page, measured by taking the marks out. */
export interface LayoutShift {
  marks: number;
  /** Elements measured: every ancestor of every mark, the article root among them. */
  boxes: number;
  /** Largest change of any edge of any ancestor box, in CSS px. */
  maxBoxShift: number;
  /** Largest change of any line box of the marked text itself, in CSS px. */
  maxTextShift: number;
}

/**
 * Measures every ancestor box of every mark and the line boxes of the marked
 * text, unwraps the marks (the text nodes stay the same objects), and measures
 * again. Marks are the only in-flow change the extension makes (the card host
 * is fixed and hidden), so the difference is the shift due to annotation.
 * Leaves the page without marks.
 */
export function markLayoutShift(): LayoutShift {
  const hostile = (window as unknown as { __hostile?: { armed: boolean } }).__hostile;
  if (hostile) {
    hostile.armed = false;
    setTimeout(() => (hostile.armed = true), 0);
  }
  const marks = document.querySelectorAll('claimlens-mark');
  const boxes = new Set<Element>();
  const texts: Node[] = [];
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark.firstChild) texts.push(mark.firstChild);
    for (let el = mark.parentElement; el && !boxes.has(el); el = el.parentElement) boxes.add(el);
  }
  const edges = (r: DOMRect) => [r.left, r.top, r.right, r.bottom];
  const measure = () => {
    const out: number[][] = [];
    for (const el of boxes) out.push(edges(el.getBoundingClientRect()));
    for (const node of texts) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) out.push(edges(r));
      out.push([-1]); // Separates nodes, so that a changed number of lines shows.
    }
    return out;
  };
  const before = measure();
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }
  const after = measure();
  let maxBoxShift = 0;
  let maxTextShift = 0;
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const a = before[i] ?? [];
    const b = after[i] ?? [];
    let d = a.length === b.length ? 0 : Infinity;
    for (let k = 0; k < a.length && d !== Infinity; k++) d = Math.max(d, Math.abs(a[k]! - b[k]!));
    if (i < boxes.size) maxBoxShift = Math.max(maxBoxShift, d);
    else maxTextShift = Math.max(maxTextShift, d);
  }
  return { marks: marks.length, boxes: boxes.size, maxBoxShift, maxTextShift };
}

/**
 * Scrolls the first mark in the page into view and returns a point on it that
 * the hit test confirms, or null. Works where built-ins are broken.
 */
export function firstMarkPoint(): { x: number; y: number } | null {
  const hostile = (window as unknown as { __hostile?: { armed: boolean } }).__hostile;
  if (hostile) {
    hostile.armed = false;
    setTimeout(() => (hostile.armed = true), 0);
  }
  const marks = document.querySelectorAll('claimlens-mark');
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    mark.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rects = mark.getClientRects();
    for (let k = 0; k < rects.length; k++) {
      const r = rects[k]!;
      if (r.width < 2 || r.height < 2) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (document.elementFromPoint(x, y)?.closest('claimlens-mark') === mark) return { x, y };
    }
  }
  return null;
}
