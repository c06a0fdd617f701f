/**
 * Functions that run inside the page (through TestPage.evaluate). Each one is
 * serialised on its own, so it must be self-contained: no imports, no
 * module-level helpers, no closures over test-side values.
 */

/** One `claimlens-mark` as the page shows it. */
export interface MarkInfo {
  /** Position among all marks in document order. */
  index: number;
  /** Text with white space collapsed. */
  text: string;
  ids: string[];
  /** Index into PageSnapshot.blocks of the block the mark's text sits in. */
  block: number;
  /** Offsets of the mark's text within its block's collapsed text; -1 when empty. */
  start: number;
  end: number;
  inArticle: boolean;
  /** The excluded region (nav, aside, footer, comments) the mark sits in, if any. */
  region: string | null;
  tabIndex: number;
}

/** The rendered text of one block-level element, white space collapsed. */
export interface BlockInfo {
  text: string;
  inArticle: boolean;
}

export interface PageSnapshot {
  blocks: BlockInfo[];
  marks: MarkInfo[];
}

/**
 * Collapses the body's text per block (nearest ancestor that is not laid out
 * inline) and places every mark inside its block's text by offsets. Positions
 * make overlap exact: a short mark such as "The New York Times" (a link split
 * off its sentence) is matched to the sentence it is in, not to every
 * sentence that happens to contain the same words.
 */
export function snapshotPage(): PageSnapshot {
  const MARK = 'claimlens-mark';
  const EXCLUDED: [string, string][] = [
    ['section.comments', 'comments (section.comments)'],
    ['nav, [role="navigation"]', 'navigation (nav)'],
    ['aside, [role="complementary"]', 'sidebar (aside)'],
    ['footer, [role="contentinfo"]', 'footer'],
  ];
  const blockOf = (node: Node): Element => {
    let el = node.parentElement;
    while (el && el !== document.body) {
      const display = getComputedStyle(el).display;
      if (el.localName !== MARK && !display.startsWith('inline') && display !== 'contents' && display !== 'ruby') break;
      el = el.parentElement;
    }
    return el ?? document.body;
  };
  interface BlockState {
    text: string;
    spaceBefore: boolean;
    inArticle: boolean;
  }
  const states = new Map<Element, BlockState>();
  const order: Element[] = [];
  const ranges = new Map<Element, { block: Element; start: number; end: number }>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement && !n.parentElement.closest('script, style, noscript, template, claimlens-card')
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = blockOf(node);
    let state = states.get(block);
    if (!state) {
      state = { text: '', spaceBefore: true, inArticle: block.closest('article') !== null };
      states.set(block, state);
      order.push(block);
    }
    const marks: Element[] = [];
    for (let m = node.parentElement?.closest(MARK); m; m = m.parentElement?.closest(MARK)) marks.push(m);
    for (const ch of (node as Text).data) {
      if (/\s/.test(ch)) {
        if (!state.spaceBefore) state.text += ' ';
        state.spaceBefore = true;
        continue;
      }
      const at = state.text.length;
      state.text += ch;
      state.spaceBefore = false;
      for (const m of marks) {
        const range = ranges.get(m);
        if (!range) ranges.set(m, { block, start: at, end: at + 1 });
        else if (range.block === block) range.end = at + 1;
      }
    }
  }
  const blocks: BlockInfo[] = order.map((el) => {
    const state = states.get(el)!;
    return { text: state.text.trimEnd(), inArticle: state.inArticle };
  });
  const marks: MarkInfo[] = [...document.querySelectorAll(MARK)].map((m, index) => {
    const range = ranges.get(m);
    const excluded = EXCLUDED.find(([selector]) => m.closest(selector) !== null);
    return {
      index,
      text: (m.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ids: (m.getAttribute('data-claim-ids') ?? '').split(/\s+/).filter(Boolean),
      block: range ? order.indexOf(range.block) : -1,
      start: range ? range.start : -1,
      end: range ? range.end : -1,
      inArticle: m.closest('article') !== null,
      region: excluded ? excluded[1] : null,
      tabIndex: (m as HTMLElement).tabIndex,
    };
  });
  return { blocks, marks };
}

export function countMarks(): number {
  return document.querySelectorAll('claimlens-mark').length;
}

/** What the card shows now. Open means: some visible box in the shadow root, with text. */
export interface CardState {
  hosts: number;
  hasShadow: boolean;
  open: boolean;
  /** Rendered text (innerText, so no <style> contents) of the card's shadow root. */
  text: string;
  /** Viewport box of the card's visible content, when open. */
  rect: { x: number; y: number; width: number; height: number } | null;
  /** The layout viewport (scroll bars excluded). */
  viewport: { width: number; height: number };
}

export function readCard(): CardState {
  const hosts = [...document.querySelectorAll('claimlens-card')];
  const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  const state: CardState = { hosts: hosts.length, hasShadow: false, open: false, text: '', rect: null, viewport };
  for (const host of hosts) {
    const root = host.shadowRoot;
    if (!root) continue;
    state.hasShadow = true;
    // The card's box: its outermost visible boxes (a scrolling card's content
    // may extend past them), looking deeper only through boxless wrappers.
    const boxes: DOMRect[] = [];
    const queue = [...root.children];
    while (queue.length) {
      const el = queue.shift()!;
      if (['style', 'script', 'link', 'template'].includes(el.localName)) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        if (el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) boxes.push(r);
      } else {
        queue.push(...el.children);
      }
    }
    const text = [...root.children]
      .filter((el) => !['style', 'script', 'link', 'template'].includes(el.localName))
      .map((el) => (el as HTMLElement).innerText ?? el.textContent ?? '')
      .join('\n')
      .trim();
    if (boxes.length === 0 || text === '') continue;
    const left = Math.min(...boxes.map((r) => r.left));
    const top = Math.min(...boxes.map((r) => r.top));
    const right = Math.max(...boxes.map((r) => r.right));
    const bottom = Math.max(...boxes.map((r) => r.bottom));
    state.open = true;
    state.text = state.text ? `${state.text}\n${text}` : text;
    state.rect = { x: left, y: top, width: right - left, height: bottom - top };
  }
  return state;
}

/** A point to hover on a mark. */
export interface MarkTarget {
  x: number;
  y: number;
  text: string;
}

/**
 * Scrolls a mark in the article that carries `claimId` into view (to the
 * middle, or `top` pixels below the top edge) and returns a point on it that
 * the hit test confirms is the mark. Marks carrying only this claim are
 * preferred, so the card is about this claim alone.
 */
export function targetMark({ claimId, top }: { claimId: string; top?: number }): MarkTarget | null {
  const all = [...document.querySelectorAll('claimlens-mark')].filter((m) =>
    (m.getAttribute('data-claim-ids') ?? '').split(/\s+/).includes(claimId),
  );
  const inArticle = all.filter((m) => m.closest('article') !== null);
  const candidates = (inArticle.length ? inArticle : all).sort(
    (a, b) =>
      (a.getAttribute('data-claim-ids') ?? '').split(/\s+/).length -
        (b.getAttribute('data-claim-ids') ?? '').split(/\s+/).length ||
      (b.textContent ?? '').length - (a.textContent ?? '').length,
  );
  for (const mark of candidates) {
    mark.scrollIntoView({ block: top === undefined ? 'center' : 'start', inline: 'nearest', behavior: 'instant' });
    if (top !== undefined) window.scrollBy({ top: -top, behavior: 'instant' });
    for (const r of mark.getClientRects()) {
      if (r.width < 2 || r.height < 2) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (document.elementFromPoint(x, y)?.closest('claimlens-mark') === mark) {
        return { x, y, text: (mark.textContent ?? '').replace(/\s+/g, ' ').trim() };
      }
    }
  }
  return null;
}

/** A viewport point over neither a mark nor the card. */
export function pointAwayFromMarks(): { x: number; y: number } {
  const w = window.innerWidth;
  const h = window.innerHeight;
  const candidates = [
    [4, h - 4],
    [4, 4],
    [w - 24, h - 4],
    [w - 24, 4],
    [w / 2, h - 4],
  ] as const;
  for (const [x, y] of candidates) {
    const hit = document.elementFromPoint(x, y);
    if (!hit || !hit.closest('claimlens-mark, claimlens-card')) return { x, y };
  }
  return { x: 4, y: 4 };
}

/** The focused element, described; `ids` is set when it is a mark. */
export function describeFocus(): { tag: string; ids: string[] | null; text: string } {
  const el = document.activeElement;
  const isMark = el?.localName === 'claimlens-mark';
  return {
    tag: el?.localName ?? 'none',
    ids: isMark ? (el.getAttribute('data-claim-ids') ?? '').split(/\s+/).filter(Boolean) : null,
    text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
  };
}

/** Moves the keyboard focus (and the sequential navigation start) to the top of the page. */
export function resetFocus(): void {
  (document.activeElement as HTMLElement | null)?.blur?.();
  const body = document.body;
  const hadTabIndex = body.hasAttribute('tabindex');
  if (!hadTabIndex) body.setAttribute('tabindex', '-1');
  body.focus({ preventScroll: true });
  if (!hadTabIndex) body.removeAttribute('tabindex');
  window.scrollTo(0, 0);
}

/** Resolves once every running animation and transition, open shadow trees included, has finished. */
export async function animationsSettled(): Promise<void> {
  // Chromium's document.getAnimations() leaves out shadow trees: ask each open root too.
  const roots = [...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
  const animations = [document, ...roots].flatMap((root) => root.getAnimations());
  await Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
