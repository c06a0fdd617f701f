// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARD_TAG, createCardController } from '../../lib/annotate/card-controller';

let abort: AbortController;

/** The default page: two marks of different claims. `extra` adds content to the article. */
function setup(extra: { html?: string; sameRun?: (a: Element, b: Element) => boolean } = {}) {
  document.body.innerHTML = `<article id="root"><p>Before <claimlens-mark id="m1" tabindex="0" data-claim-ids="a">one</claimlens-mark>
    and <claimlens-mark id="m2" tabindex="0" data-claim-ids="b">two</claimlens-mark> <span id="plain">plain</span></p>${extra.html ?? ''}</article>`;
  const root = document.querySelector('#root')!;
  abort = new AbortController();
  const rendered: string[] = [];
  const controller = createCardController({
    root,
    css: '.x{}',
    signal: abort.signal,
    render: (container, mark) => {
      rendered.push(mark.id);
      container.innerHTML = '';
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.tabIndex = -1;
      container.append(dialog);
      const button = document.createElement('button');
      button.textContent = `card for ${mark.getAttribute('data-claim-ids')}`;
      container.append(button);
    },
    clear: (container) => container.replaceChildren(),
    ...(extra.sameRun ? { sameRun: extra.sameRun } : {}),
  });
  const host = document.querySelector(CARD_TAG) as HTMLElement;
  return { root, controller, rendered, host, mark: (id: string) => document.getElementById(id)! };
}

const isOpen = (host: HTMLElement) => host.style.display !== 'none';
const over = (el: Element) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
/** The pointer rests on `el` long enough for its card to open (hover intent). */
const hover = (el: Element) => {
  over(el);
  vi.advanceTimersByTime(200);
};
const out = (el: Element, to: Element | null) => el.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: to }));

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

describe('card controller', () => {
  it('puts one card host with an open shadow root on the page, closed at first', () => {
    const { host } = setup();
    expect(document.querySelectorAll(CARD_TAG)).toHaveLength(1);
    expect(host.shadowRoot).not.toBeNull();
    expect(host.shadowRoot!.querySelector('style')!.textContent).toBe('.x{}');
    expect(isOpen(host)).toBe(false);
  });

  it('opens on hover and renders the hovered mark inside the shadow root', () => {
    const { host, mark, rendered } = setup();
    hover(mark('m1'));
    expect(isOpen(host)).toBe(true);
    expect(rendered).toEqual(['m1']);
    expect(host.shadowRoot!.textContent).toContain('card for a');
  });

  it('closes after the pointer leaves the mark, but not when it moves into the card', () => {
    const { host, mark } = setup();
    hover(mark('m1'));
    out(mark('m1'), host);
    vi.advanceTimersByTime(1000);
    expect(isOpen(host)).toBe(true);
    host.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(1000);
    expect(isOpen(host)).toBe(false);
  });

  it('does not open while a mouse button is held, so selecting text across a mark is not covered by a card', () => {
    const { host, mark, rendered } = setup();
    mark('m1').dispatchEvent(new MouseEvent('mouseover', { bubbles: true, buttons: 1 }));
    expect([isOpen(host), rendered]).toEqual([false, []]);
    // Once the button is released, hovering opens it as usual.
    hover(mark('m1'));
    expect(isOpen(host)).toBe(true);
  });

  it('keeps the card of the mark the pointer left for the card, though it crossed another mark on the way', () => {
    // The card opens below its mark; the line in between may hold another mark.
    const { host, mark, rendered } = setup();
    over(mark('m1'));
    vi.advanceTimersByTime(1000);
    out(mark('m1'), mark('m2'));
    over(mark('m2'));
    vi.advanceTimersByTime(60);
    out(mark('m2'), host);
    host.dispatchEvent(new MouseEvent('mouseenter'));
    vi.advanceTimersByTime(1000);
    expect([isOpen(host), rendered]).toEqual([true, ['m1']]);
  });

  it('does not open for a mark that only passes under the pointer (scrolling with the wheel)', () => {
    const { host, mark, rendered } = setup();
    over(mark('m1'));
    vi.advanceTimersByTime(60);
    out(mark('m1'), document.getElementById('plain'));
    vi.advanceTimersByTime(1000);
    expect([isOpen(host), rendered]).toEqual([false, []]);
  });

  it('opens no card for a mark the page took out while the pointer rested on it', () => {
    // A re-render (React) replaces the marked text under a resting pointer, and no mouseout comes.
    const { host, mark, rendered, controller } = setup();
    over(mark('m1'));
    vi.advanceTimersByTime(60);
    mark('m1').remove();
    vi.advanceTimersByTime(1000);
    expect([isOpen(host), rendered, controller.openMark]).toEqual([false, [], null]);
  });

  it('closes when the pointer leaves to ordinary page text', () => {
    const { host, mark } = setup();
    hover(mark('m1'));
    out(mark('m1'), document.getElementById('plain'));
    vi.advanceTimersByTime(1000);
    expect(isOpen(host)).toBe(false);
  });

  it('opens on keyboard focus and closes on Escape', () => {
    const { host, mark, rendered } = setup();
    (mark('m2') as HTMLElement).focus();
    expect(isOpen(host)).toBe(true);
    expect(rendered).toEqual(['m2']);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(isOpen(host)).toBe(false);
  });

  it('returns focus to the mark when Escape closes a card that held focus, without reopening it', () => {
    const { host, mark, rendered } = setup();
    hover(mark('m1'));
    host.shadowRoot!.querySelector('button')!.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(isOpen(host)).toBe(false);
    expect(document.activeElement).toBe(mark('m1'));
    expect(rendered).toEqual(['m1']);
  });

  it('removes the card and stops listening when its lifetime ends', () => {
    const { mark, rendered } = setup();
    abort.abort();
    expect(document.querySelector(CARD_TAG)).toBeNull();
    hover(mark('m1'));
    expect(rendered).toEqual([]);
  });

  it.each(['Enter', ' '])('opens the card with %j on a focused mark and moves focus into it; Escape returns it', (key) => {
    const { host, mark } = setup();
    const m2 = mark('m2') as HTMLElement;
    m2.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(isOpen(host)).toBe(false);
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    m2.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(isOpen(host)).toBe(true);
    expect(host.shadowRoot!.activeElement?.getAttribute('role')).toBe('dialog');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(isOpen(host)).toBe(false);
    expect(document.activeElement).toBe(m2);
  });

  it('hands focus back to the mark at the card\'s edges, since the card sits at the end of the page', () => {
    // Shift+Tab from the dialog stops on the mark; Tab from the card's last stop leaves from the mark,
    // so the browser goes on with what follows it in the article, not with the end of the page.
    const { host, mark } = setup();
    const m1 = mark('m1') as HTMLElement;
    m1.focus();
    m1.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const dialog = host.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
    const back = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, composed: true, cancelable: true });
    dialog.dispatchEvent(back);
    expect([document.activeElement, isOpen(host), back.defaultPrevented]).toEqual([m1, false, true]);
    m1.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const last = host.shadowRoot!.querySelector('button')!;
    last.focus();
    const forward = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
    last.dispatchEvent(forward);
    expect([document.activeElement, isOpen(host), forward.defaultPrevented]).toEqual([m1, false, false]);
  });

  it('stays open while keyboard focus is inside it, whatever the pointer does', () => {
    // Closing would hide the focused element and drop focus to the start of the page.
    const { host, mark } = setup();
    const m1 = mark('m1') as HTMLElement;
    m1.focus();
    m1.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    host.dispatchEvent(new MouseEvent('mouseenter'));
    host.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(1000);
    expect([isOpen(host), host.shadowRoot!.activeElement?.getAttribute('role')]).toEqual([true, 'dialog']);
    // Once focus leaves the card for the page, it closes.
    const plain = document.getElementById('plain')!;
    plain.tabIndex = 0;
    plain.focus();
    host.dispatchEvent(new FocusEvent('focusout', { relatedTarget: plain }));
    vi.advanceTimersByTime(1000);
    expect(isOpen(host)).toBe(false);
  });

  it('lets Tab move within the card', () => {
    const { host, mark } = setup();
    (mark('m1') as HTMLElement).focus();
    mark('m1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const dialog = host.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
    dialog.dispatchEvent(tab);
    expect([isOpen(host), tab.defaultPrevented]).toEqual([true, false]);
  });

  it('keeps the card open and in place when the pointer or focus moves to another piece of the same run', () => {
    // One sentence cut by a link into three marks (r1, r2 in the link, r3); m1 carries the same claim in another sentence.
    const { host, mark, rendered } = setup({
      html: '<p><claimlens-mark id="r1" data-claim-ids="a">Said </claimlens-mark><a id="link" href="#x"><claimlens-mark id="r2" data-claim-ids="a">this</claimlens-mark></a><claimlens-mark id="r3" data-claim-ids="a"> here.</claimlens-mark></p>',
      sameRun: (a, b) => a.id.startsWith('r') && b.id.startsWith('r'),
    });
    hover(mark('r1'));
    out(mark('r1'), mark('r2'));
    hover(mark('r2'));
    // Across the link's own edge (not a mark) to the next piece.
    out(mark('r2'), document.getElementById('link'));
    hover(mark('r3'));
    vi.advanceTimersByTime(1000);
    (mark('r3') as HTMLElement).focus();
    expect([isOpen(host), rendered]).toEqual([true, ['r1']]);
    // Another sentence with the same claim is another card (its own evidence, its own place).
    out(mark('r3'), mark('m1'));
    hover(mark('m1'));
    expect([isOpen(host), rendered]).toEqual([true, ['r1', 'm1']]);
  });
});
