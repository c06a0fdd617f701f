// @vitest-environment jsdom
// The page session on pages that change under it after it marked them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_DELAY_MS } from '../../lib/annotate/card-controller';
import { MAX_RESTORES } from '../../lib/annotate/page-session';
import { ARTICLE, DENIAL, startTestSession, type TestSession } from '../support/page-session-harness';

let running: TestSession;

const marks = () => [...document.querySelectorAll('claimlens-mark')];
/** Lets the page's changes settle and the run they start finish. */
const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await running.session.idle();
};

beforeEach(() => {
  document.head.innerHTML = '<meta property="og:type" content="article"><title>t</title>';
  document.body.innerHTML = ARTICLE;
});
afterEach(() => running.abort.abort());

describe('page session on a page that changes after marking', () => {
  it.each([
    ['the paragraph', 'p:nth-of-type(2)'],
    ['the whole article', '#story'],
  ])('takes its marks out of %s when the page makes it editable', async (_, selector) => {
    running = startTestSession();
    await running.session.idle();
    expect(marks()).toHaveLength(1);
    const before = document.querySelector(selector)!.innerHTML;
    // An inline editor (a CMS's "edit" button): whatever is in the region now is the writer's text, saved as it is.
    document.querySelector(selector)!.setAttribute('contenteditable', 'true');
    await settled();
    expect(marks()).toEqual([]);
    expect(document.querySelector(selector)!.innerHTML).not.toContain('claimlens');
    expect(before).toContain('claimlens-mark');
  });

  it('reads nothing of the extension when the page is hidden (the reader navigating away)', async () => {
    let reads = 0;
    running = startTestSession({ alive: () => (reads++, true) });
    await running.session.idle();
    const before = reads;
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(reads).toBe(before);
    expect(marks()).toHaveLength(1);
  });

  it.each([
    ['points at a mark', () => marks()[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))],
    ['focuses a mark', () => (marks()[0] as HTMLElement).focus()],
    ['comes back to the tab', () => window.dispatchEvent(new FocusEvent('focus'))],
    ['comes back to the page from the back/forward cache', () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))],
  ])('takes its marks out once the extension is gone (an orphaned script), when the reader %s', async (_, reach) => {
    // Nothing tells an orphaned content script that the extension was switched off, reloaded or updated, and the page may never change again.
    let alive = true;
    running = startTestSession({ alive: () => alive });
    await running.session.idle();
    const before = document.getElementById('story')!.cloneNode(true) as Element;
    for (const m of before.querySelectorAll('claimlens-mark')) m.replaceWith(...m.childNodes);
    before.normalize();
    expect(marks()).toHaveLength(1);
    alive = false;
    reach();
    expect(marks()).toEqual([]);
    expect(document.querySelector('claimlens-card')).toBeNull();
    const story = document.getElementById('story')!;
    story.normalize();
    expect(story.innerHTML).toBe(before.innerHTML);
  });

  it('reads the rest of the story when "read more" reveals it by taking hidden away', async () => {
    const rest = document.createElement('p');
    rest.hidden = true;
    rest.textContent = DENIAL;
    document.getElementById('story')!.append(rest);
    running = startTestSession();
    await running.session.idle();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toEqual(['russia-hacking-aimed-to-help-trump']);
    rest.hidden = false;
    await settled();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toEqual(['russia-hacking-aimed-to-help-trump', 'trump-campaign-russia-contacts']);
  });

  it('does not mark again when a carousel in the story shows another slide by moving aria-hidden', async () => {
    document.getElementById('story')!.insertAdjacentHTML(
      'beforeend',
      '<div class="carousel"><figure><figcaption>The mayor opens the new bridge.</figcaption></figure><figure aria-hidden="true"><figcaption>Crowds on the riverbank.</figcaption></figure></div>',
    );
    running = startTestSession();
    await running.session.idle();
    const [first, second] = document.querySelectorAll('.carousel figure');
    first!.setAttribute('aria-hidden', 'true');
    second!.removeAttribute('aria-hidden');
    await settled();
    expect(running.matchCalls).toHaveLength(1);
  });

  it('keeps keyboard focus on the mark the reader is on when the page adds text and it marks again', async () => {
    running = startTestSession();
    await running.session.idle();
    (marks()[0] as HTMLElement).focus();
    const more = document.createElement('p');
    more.textContent = DENIAL;
    document.getElementById('story')!.append(more);
    await settled();
    expect(running.matchCalls).toHaveLength(2);
    expect(marks()).toHaveLength(2);
    // Not the document's start: the same claim's mark, a new element since the marks were written again.
    expect(document.activeElement?.localName).toBe('claimlens-mark');
    expect(document.activeElement?.getAttribute('data-claim-ids')).toBe('russia-hacking-aimed-to-help-trump');
  });

  it('says no claims are shown once it stops putting marks back on a page that takes them out', async () => {
    running = startTestSession();
    await running.session.idle();
    expect(running.reports.at(-1)?.claimIds).toEqual(['russia-hacking-aimed-to-help-trump']);
    const strip = () => {
      for (const m of marks()) m.replaceWith(...m.childNodes);
    };
    new MutationObserver(strip).observe(document.getElementById('story')!, { childList: true, subtree: true });
    strip();
    for (let i = 0; i < 6; i++) await settled();
    expect(running.matchCalls).toHaveLength(1 + MAX_RESTORES);
    expect(marks()).toEqual([]);
    // The badge and the popup say what the reader sees: no marks, so no claims to go to.
    expect(running.reports.at(-1)).toEqual({ claimIds: [], off: null });
    expect(running.session.state().claims).toEqual([]);
    expect(running.session.showClaim('russia-hacking-aimed-to-help-trump')).toBe(false);
  });

  it('keeps its marks and the open card when the page changes the story\'s text elsewhere', async () => {
    document.getElementById('story')!.insertAdjacentHTML('afterbegin', '<p>Updated <time>1 minute ago</time>.</p>');
    running = startTestSession();
    await running.session.idle();
    const [mark] = marks();
    mark!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    // The card opens once the pointer rests on the mark (card-controller.ts OPEN_DELAY_MS).
    await new Promise((resolve) => setTimeout(resolve, OPEN_DELAY_MS + 50));
    const card = document.querySelector('claimlens-card') as HTMLElement;
    expect(card.style.display).toBe('block');
    // A live timestamp ticks, and a paragraph with no claim arrives further down.
    document.querySelector('time')!.textContent = '2 minutes ago';
    document.getElementById('story')!.insertAdjacentHTML('beforeend', '<p>More words about the weather and the roads arrived later today.</p>');
    await settled();
    expect(running.matchCalls).toHaveLength(2);
    expect(running.matchCalls[1]).toContain('2 minutes ago');
    expect(marks()).toEqual([mark]);
    expect(document.querySelector('claimlens-card')).toBe(card);
    expect(card.style.display).toBe('block');
    // The kept marks answer for the new reading: the card, the popup and the export.
    expect(running.session.annotated()?.model.text).toContain('2 minutes ago');
    const { model, annotations } = running.session.annotated()!;
    expect(model.text.slice(annotations[0]!.start, annotations[0]!.end)).toBe(mark!.textContent);
    expect(running.session.state().claims).toMatchObject([{ id: 'russia-hacking-aimed-to-help-trump', marks: 1 }]);
  });

  it('marks again when the new text brings a claim, and when the page rewrote the text around a mark', async () => {
    running = startTestSession();
    await running.session.idle();
    const [mark] = marks();
    const more = document.createElement('p');
    more.textContent = DENIAL;
    document.getElementById('story')!.append(more);
    await settled();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toEqual(['russia-hacking-aimed-to-help-trump', 'trump-campaign-russia-contacts']);
    expect(marks()[0]).not.toBe(mark);
    // A framework rewrites its own node before the marked sentence (React sets nodeValue): our pieces of it are stale.
    const em = marks()[0]!.parentElement!;
    (em.firstChild as Text).data = 'Rewritten. ';
    await settled();
    expect(em.textContent).toBe('Rewritten. ');
  });

  it('leaves none of the text of a node the page removed, when the node held text before its mark', async () => {
    // React's conditional rendering: the app removes the text node it rendered, and with it all of its text.
    document.getElementById('story')!.insertAdjacentHTML('beforeend', `<p id="own">Lead words. ${DENIAL}</p>`);
    running = startTestSession();
    await running.session.idle();
    const own = document.getElementById('own')!;
    expect(own.querySelector('claimlens-mark')).not.toBeNull();
    const node = own.firstChild as Text;
    expect(node.data).toBe('Lead words. ');
    own.removeChild(node);
    own.append('Other words.');
    await settled();
    expect(own.textContent).toBe('Other words.');
    expect(own.querySelector('claimlens-mark')).toBeNull();
  });

  it('closes the open card at once when the page takes its mark out', async () => {
    running = startTestSession();
    await running.session.idle();
    marks()[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, OPEN_DELAY_MS + 50));
    const card = document.querySelector('claimlens-card') as HTMLElement;
    expect(card.style.display).toBe('block');
    // The page drops the sentence (a framework re-rendering its own node): the card must not hang on at a stale place.
    marks()[0]!.parentElement!.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(card.style.display).toBe('none');
  });

  it('keeps keyboard focus on the claim when the page replaces the mark whose card holds it', async () => {
    running = startTestSession();
    await running.session.idle();
    const mark = marks()[0] as HTMLElement;
    mark.focus();
    mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(document.activeElement?.localName).toBe('claimlens-card');
    // A re-render: the same sentence in a new element, without our marks.
    const em = mark.parentElement!;
    em.replaceWith(Object.assign(document.createElement('em'), { textContent: em.textContent }));
    await settled();
    expect(document.activeElement?.localName).toBe('claimlens-mark');
    expect(document.activeElement?.getAttribute('data-claim-ids')).toBe('russia-hacking-aimed-to-help-trump');
  });
});
