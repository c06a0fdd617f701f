// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { OPEN_DELAY_MS } from '../../lib/annotate/card-controller';
import { MAX_WAIT_MS } from '../../lib/annotate/page-session';
import { articleSignal } from '../../lib/page/article-gate';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings';
import { byId, DENIAL, HACKING, FILLER, marks, run, start, story, usePageSession } from '../support/page-session-harness';

// The real gate, counted: a verdict handed over by the gate script saves the first run's gate.
vi.mock('../../lib/page/article-gate', async (original) => {
  const real = await original<typeof import('../../lib/page/article-gate')>();
  return { ...real, articleSignal: vi.fn(real.articleSignal) };
});

usePageSession();

/** Puts the claim's sentence, cut by a link into three marks, in place of the seed one, and annotates. */
async function startOnLinkSplitSentence(): Promise<void> {
  const [head, rest] = [HACKING.slice(0, 40), HACKING.slice(40)];
  story().insertAdjacentHTML('beforeend', `<p>${head}<a href="#a">${rest.slice(0, 20)}</a>${rest.slice(20)}</p>`);
  document.querySelector('#story em')!.remove();
  start();
  await run.session.idle();
}

describe('page session', () => {
  it('annotates the article through the background and run.reports its claims', async () => {
    start();
    await run.session.idle();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toEqual(['russia-hacking-aimed-to-help-trump']);
    expect(run.reports.at(-1)).toEqual({ claimIds: ['russia-hacking-aimed-to-help-trump'], off: null });
    expect(run.session.state()).toMatchObject({ status: 'annotated', claims: [{ id: 'russia-hacking-aimed-to-help-trump', marks: 1 }] });
  });

  it('describes each mark to assistive tech through a hidden element in the light DOM', async () => {
    start();
    await run.session.idle();
    const mark = marks()[0]!;
    const description = document.getElementById(mark.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('Known claim: russia-hacking-aimed-to-help-trump');
    expect(description?.closest('claimlens-card')).not.toBeNull();
    expect(mark.getAttribute('data-style')).toBe('underline');
  });

  it('does not start new work because of its own DOM writes', async () => {
    start();
    await run.session.idle();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await run.session.idle();
    expect(run.matchCalls).toHaveLength(1);
  });

  it('restores the article byte for byte when switched off, and annotates again when switched on', async () => {
    const original = story().innerHTML;
    start();
    await run.session.idle();
    expect(story().innerHTML).not.toBe(original);
    run.session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: [], paused: true });
    await run.session.idle();
    expect(story().innerHTML).toBe(original);
    expect(document.querySelector('claimlens-card')).toBeNull();
    expect(run.reports.at(-1)).toEqual({ claimIds: [], off: 'paused' });
    expect(run.session.state()).toMatchObject({ status: 'off', off: 'paused', claims: [] });
    run.session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: ['localhost'] });
    await run.session.idle();
    expect(run.session.state().off).toBe('site-off');
    expect(story().innerHTML).toBe(original);
    run.session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: [] });
    await run.session.idle();
    expect(marks()).toHaveLength(1);
  });

  it('annotates content added after load once, within the time budget', async () => {
    start();
    await run.session.idle();
    const added = document.createElement('p');
    added.textContent = DENIAL;
    story().appendChild(added);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await run.session.idle();
    expect(Date.now() - started).toBeLessThan(MAX_WAIT_MS + 500);
    expect(marks().map((m) => m.getAttribute('data-claim-ids')).sort()).toEqual(['russia-hacking-aimed-to-help-trump', 'trump-campaign-russia-contacts']);
    expect(run.matchCalls).toHaveLength(2);
  });

  it('leaves nothing of its own in content the page removed, and annotates the new article', async () => {
    start();
    await run.session.idle();
    const old = story();
    old.remove();
    document.body.insertAdjacentHTML('beforeend', `<article id="story"><p>${FILLER.repeat(4)}</p><p>${DENIAL}</p></article>`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await run.session.idle();
    expect(old.querySelector('claimlens-mark')).toBeNull();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toEqual(['trump-campaign-russia-contacts']);
    expect(document.querySelectorAll('claimlens-card')).toHaveLength(1);
  });

  it('moves focus from mark to mark (wrapping) and shows a claim from the popup', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL}</p>`);
    start();
    await run.session.idle();
    const [first, second] = marks() as HTMLElement[];
    expect(run.session.focusNextMark()).toBe(true);
    expect(document.activeElement).toBe(first);
    run.session.focusNextMark();
    expect(document.activeElement).toBe(second);
    run.session.focusNextMark();
    expect(document.activeElement).toBe(first);
    expect(run.session.showClaim('trump-campaign-russia-contacts')).toBe(true);
    expect(document.activeElement).toBe(second);
    const host = document.querySelector('claimlens-card') as HTMLElement;
    expect(host.style.display).toBe('block');
    expect(host.shadowRoot!.textContent).toContain(byId.get('trump-campaign-russia-contacts')!.text);
    expect(run.session.showClaim('no-such-claim')).toBe(false);
  });

  it("moves on to the mark after the open card's mark when focus is inside the card", async () => {
    // The card's host sits after the article, so "the next mark after the focused element" found none.
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL}</p>`);
    start();
    await run.session.idle();
    const [first, second] = marks() as HTMLElement[];
    run.session.focusNextMark();
    const host = document.querySelector('claimlens-card') as HTMLElement;
    host.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!.focus();
    expect(document.activeElement).toBe(host);
    run.session.focusNextMark();
    expect(document.activeElement).toBe(second);
    expect(document.activeElement).not.toBe(first);
  });

  it('makes a sentence one Tab stop however many links cut it into marks', async () => {
    // Every piece was a stop: Tab walked the claim's links and the pieces between them, each announcing the claim.
    await startOnLinkSplitSentence();
    const pieces = marks();
    expect(pieces.length).toBe(3);
    expect(new Set(pieces.map((m) => m.getAttribute('data-claim-ids'))).size).toBe(1);
    expect(pieces.map((m) => (m as HTMLElement).tabIndex)).toEqual([0, -1, -1]);
    // A piece that is not a stop still opens the card when clicked (focused) or hovered.
    (pieces[1] as HTMLElement).focus();
    expect((document.querySelector('claimlens-card') as HTMLElement).style.display).toBe('block');
  });

  it('keeps the card of a sentence cut by a link as it is when the pointer moves on to the next piece', async () => {
    await startOnLinkSplitSentence();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const [first, second] = marks();
    first!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await sleep(OPEN_DELAY_MS + 50);
    const host = document.querySelector('claimlens-card') as HTMLElement;
    const dialog = host.shadowRoot!.querySelector('[role="dialog"]');
    expect([host.style.display, dialog]).toEqual(['block', expect.anything()]);
    first!.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: second }));
    second!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await sleep(OPEN_DELAY_MS + 50);
    // The same card: not rendered again (nor placed again under the other piece).
    expect(host.style.display).toBe('block');
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).toBe(dialog);
  });

  it('shows an error state and no marks when the index fails to load', async () => {
    run.result = () => ({ ok: false, error: 'Cannot load the claim index: checksum mismatch' });
    const original = story().innerHTML;
    start();
    await run.session.idle();
    expect(marks()).toHaveLength(0);
    expect(story().innerHTML).toBe(original);
    expect(run.session.state()).toMatchObject({ status: 'error', error: expect.stringContaining('checksum') });
  });

  it("uses the gate script's verdict for its first run instead of running the gate again", async () => {
    const gate = vi.mocked(articleSignal);
    gate.mockClear();
    start(undefined, 'og:type');
    await run.session.idle();
    expect(run.session.state().status).toBe('annotated');
    expect(gate).not.toHaveBeenCalled();
    // Later runs check the page again.
    story().append(Object.assign(document.createElement('p'), { textContent: FILLER }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await run.session.idle();
    expect(gate).toHaveBeenCalled();
  });

  it('leaves a page that is not an article alone', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<p>Hello</p><p>${DENIAL}</p>`;
    start();
    await run.session.idle();
    expect(run.matchCalls).toEqual([]);
    expect(run.session.state().status).toBe('not-article');
  });
});
