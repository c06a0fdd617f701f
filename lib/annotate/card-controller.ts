/**
 * The card's behaviour: when it opens, where it sits, when it closes.
 *
 * One delegated listener set on the article root serves every mark (no
 * per-mark listeners). The card lives in an open shadow root of a single
 * `claimlens-card` host, so page styles cannot reach in and ours cannot
 * leak out. What the card shows is not decided here: the caller's `render`
 * fills the shadow root, which keeps this layer free of UI components.
 * Every listener and the position watcher end with `signal`.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { CARD_TAG, MARK_TAG, pageClaimsOurTags } from './tags';

export { CARD_TAG };

/** Pointer grace period: long enough to cross the gap from mark to card. */
const CLOSE_DELAY_MS = 300;

/**
 * How long the pointer must rest on a mark before its card opens. A mark that
 * only passes under the pointer (the page scrolled by the wheel, the pointer
 * crossing a mark on its way to the open card) opens nothing.
 */
export const OPEN_DELAY_MS = 150;

/** What the controller needs from its owner. */
export interface CardControllerOptions {
  /** Element whose marks open the card (the article root). */
  root: Element;
  /** Styles for the shadow root (a CSS string, kept inside the shadow). */
  css: string;
  /** Fills `container` for the given mark. Called on every open. */
  render(container: HTMLElement, mark: Element): void;
  /** Empties `container` when the card closes (e.g. Preact render(null)). */
  clear(container: HTMLElement): void;
  /**
   * True when two marks are pieces of one highlighted run (a sentence a link
   * cuts into several marks): their card is the same, so the open card stays
   * as it is, where it is, when the pointer or focus moves from one to the other.
   */
  sameRun?(a: Element, b: Element): boolean;
  signal: AbortSignal;
}

/** Handle to the card: open and close it from code (the popup, shortcuts). */
export interface CardController {
  open(mark: Element): void;
  close(options?: { restoreFocus?: boolean }): void;
  readonly openMark: Element | null;
  readonly host: HTMLElement;
}

function markFrom(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(MARK_TAG) : null;
}

/**
 * The card host's inline style (closed). Inline styles on the host beat page
 * rules for the same element; `all` resets whatever the page says about
 * unknown elements. Exported for the real-browser test of marks.css, whose
 * print rule must beat it.
 */
export const HOST_STYLE = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: none;';

/** Creates the host element, its shadow root and the card container. */
function createHost(doc: Document, css: string): { host: HTMLElement; container: HTMLElement } {
  const host = doc.createElement(CARD_TAG);
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'claimlens-card-root';
  shadow.append(style, container);
  // After <body>, not in it: a page's transform or filter on <body> would make
  // it the fixed card's containing block (placed off by the scroll), and its
  // zoom would scale the card's left and top.
  doc.documentElement.appendChild(host);
  return { host, container };
}

/**
 * A controller that never shows anything, for pages that have defined our
 * element names themselves (see tags.ts): its host is never put in the page.
 */
function inertController(doc: Document): CardController {
  return { open() {}, close() {}, openMark: null, host: doc.createElement('div') };
}

/**
 * Wires hover, focus and Escape on `root` to a single shared card. On a page
 * that has claimed our element names, returns an inert controller instead.
 */
export function createCardController(options: CardControllerOptions): CardController {
  const { root, signal } = options;
  const doc = root.ownerDocument;
  if (pageClaimsOurTags(doc)) return inertController(doc);
  const { host, container } = createHost(doc, options.css);
  let openMark: Element | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let stopPositioning: (() => void) | undefined;
  // Returning focus to a mark after Escape must not reopen its card.
  let focusReturningTo: Element | null = null;
  /** True when `mark`'s card is the one open: its own or another piece of its run. */
  const isShown = (mark: Element) => mark === openMark || (openMark !== null && !!options.sameRun?.(openMark, mark));

  const cancelClose = () => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  // While keyboard focus is inside the card, the pointer leaving does not
  // close it: hiding the focused element would drop focus to the page's start.
  // Focus leaving the card, or Escape, still does.
  const scheduleClose = () => {
    cancelClose();
    closeTimer = setTimeout(() => {
      if (!host.shadowRoot?.activeElement) close();
    }, CLOSE_DELAY_MS);
  };

  const position = (mark: Element) => {
    void computePosition(mark, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      // flip/shift keep the card on screen; size caps its height to the room
      // left (the card scrolls inside), since a fixed card cannot be scrolled to,
      // and its width to the viewport the page shows (100vw in the card's CSS
      // counts a classic scrollbar as room, so a narrow window hid its edge).
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, availableWidth }) {
            host.style.setProperty('--claimlens-max-height', `${Math.max(120, Math.floor(availableHeight))}px`);
            host.style.setProperty('--claimlens-max-width', `${Math.max(200, Math.floor(availableWidth))}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      host.style.setProperty('left', `${Math.round(x)}px`);
      host.style.setProperty('top', `${Math.round(y)}px`);
    });
  };

  function open(mark: Element) {
    cancelClose();
    // A mark the page took out while the hover delay ran (a re-render under a
    // resting pointer, with no mouseout) has no place: its card would sit in
    // the top left corner until something closed it.
    if (isShown(mark) || !mark.isConnected) return;
    stopPositioning?.();
    openMark = mark;
    options.render(container, mark);
    host.style.setProperty('display', 'block');
    stopPositioning = autoUpdate(mark, host, () => position(mark));
  }

  function close({ restoreFocus = false } = {}) {
    cancelClose();
    if (!openMark) return;
    const mark = openMark;
    const focusWasInCard = host.shadowRoot?.activeElement != null || doc.activeElement === host;
    openMark = null;
    stopPositioning?.();
    stopPositioning = undefined;
    host.style.setProperty('display', 'none');
    options.clear(container);
    if (restoreFocus && focusWasInCard && mark instanceof HTMLElement) {
      focusReturningTo = mark;
      mark.focus();
      focusReturningTo = null;
    }
  }

  const listen = { signal } as const;
  root.addEventListener('mouseover', (e) => {
    // A held button means the reader is selecting text: a card opening under
    // the pointer would cover the lines being selected.
    if ((e as MouseEvent).buttons !== 0) return;
    const mark = markFrom(e.target);
    if (!mark) return;
    clearTimeout(openTimer);
    if (isShown(mark)) cancelClose();
    else openTimer = setTimeout(() => open(mark), OPEN_DELAY_MS);
  }, listen);
  root.addEventListener('mouseout', (e) => {
    const from = markFrom(e.target);
    if (!from) return;
    clearTimeout(openTimer);
    const to = (e as MouseEvent).relatedTarget;
    if (to instanceof Node && (host.contains(to) || markFrom(to))) return;
    scheduleClose();
  }, listen);
  root.addEventListener('focusin', (e) => {
    const mark = markFrom(e.target);
    if (mark && mark !== focusReturningTo) open(mark);
  }, listen);
  root.addEventListener('focusout', (e) => {
    if (!markFrom(e.target)) return;
    const to = (e as FocusEvent).relatedTarget;
    if (to instanceof Node && host.contains(to)) return;
    scheduleClose();
  }, listen);
  host.addEventListener('mouseenter', cancelClose, listen);
  host.addEventListener('mouseleave', scheduleClose, listen);
  host.addEventListener('focusout', (e) => {
    const to = (e as FocusEvent).relatedTarget;
    if (to instanceof Node && (host.contains(to) || to === openMark)) return;
    scheduleClose();
  }, listen);
  // Enter or Space on a focused mark opens its card and moves focus into it
  // (to its links); Escape then closes it and returns focus to the mark.
  root.addEventListener('keydown', (e) => {
    const ke = e as KeyboardEvent;
    if ((ke.key !== 'Enter' && ke.key !== ' ') || ke.altKey || ke.ctrlKey || ke.metaKey) return;
    const mark = markFrom(ke.target);
    if (!mark) return;
    ke.preventDefault(); // Space would scroll the page.
    open(mark);
    container.querySelector<HTMLElement>('[role="dialog"]')?.focus();
  }, listen);
  // The host is the last thing in the document, so the browser's Tab order would
  // leave the card for the end of the page: at the card's edges, hand focus
  // back to the mark (Shift+Tab stops there; Tab continues after it).
  host.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || !openMark) return;
    const active = host.shadowRoot?.activeElement ?? null;
    const stops = [...container.querySelectorAll<HTMLElement>('a[href], summary, button, [tabindex="0"]')];
    const atStart = active === container.querySelector('[role="dialog"]') || active === stops[0];
    const atEnd = stops.length === 0 || active === stops.at(-1);
    if (e.shiftKey ? !atStart : !atEnd) return;
    close({ restoreFocus: true });
    if (e.shiftKey) e.preventDefault();
  }, listen);
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && openMark) close({ restoreFocus: true });
  }, { signal, capture: true });

  signal.addEventListener('abort', () => {
    clearTimeout(openTimer);
    close();
    host.remove();
  }, { once: true });

  return {
    open,
    close,
    get openMark() {
      return openMark;
    },
    host,
  };
}
