// @vitest-environment jsdom
// The annotator (entrypoints/annotator) and the background's badge, wired
// together as in a tab: the browser clears a tab's badge on every
// navigation, Back to a page kept in the back/forward cache and the
// activation of a prerendered page included, and runs no script again then.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import background from '../../entrypoints/background';
import { annotatePage } from '../../entrypoints/annotator/annotate-page';
import type { PageState } from '../../lib/messages';
import { resetFakeExtension } from '../support/fake-extension';

const TAB_ID = 7;
const SEED_SENTENCE = "The intelligence community has assessed that Russia's hacking of Democratic groups and operatives was carried out to help Trump defeat Democrat Hillary Clinton.";
const FILLER = 'The city council met on Tuesday evening to discuss the budget for the coming year, and residents filled the hall to hear the plans. ';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let ctx: ContentScriptContext;
/** The methods of the messages the annotator sent, in order. */
let sent: string[];

/** The annotator's answer to the popup's "get-page-state". */
async function pageState(): Promise<PageState | undefined> {
  const answers = await fakeBrowser.runtime.onMessage.trigger({ method: 'get-page-state' }, {} as Browser.runtime.MessageSender, () => undefined);
  return (answers as unknown[]).find((a) => a !== undefined) as PageState | undefined;
}

const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB_ID });
/** What the browser does to the tab's badge when it navigates. */
const navigationClearsBadge = () => fakeBrowser.action.setBadgeText({ tabId: TAB_ID, text: '' });
/** jsdom has no prerendering: the property is Chromium's, defined here on the document itself. */
const setPrerendering = (value: boolean) => Object.defineProperty(document, 'prerendering', { value, configurable: true });

async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await sleep(20);
  }
}

beforeEach(async () => {
  await resetFakeExtension();
  background.main();
  // The annotator's messages reach the background's router as from a tab's page.
  const sender = { tab: { id: TAB_ID }, frameId: 0, url: location.href } as unknown as Browser.runtime.MessageSender;
  sent = [];
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    sent.push((message as { method: string }).method);
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
    return answers.find((a) => a !== undefined);
  }) as typeof fakeBrowser.runtime.sendMessage;
  document.head.innerHTML = '<title>Story</title><meta property="og:type" content="article">';
  document.body.innerHTML = `<article><h1>A headline</h1><p>${FILLER.repeat(3)}</p><p>${SEED_SENTENCE}</p><p>${FILLER.repeat(2)}</p></article>`;
  ctx = new ContentScriptContext('annotator-test');
});

afterEach(() => {
  ctx.abort();
  delete (document as { prerendering?: boolean }).prerendering;
});

describe('the annotator and the badge', () => {
  it('shows the count again when the page comes back from the back/forward cache', async () => {
    annotatePage(ctx);
    expect(await waitFor(badge, (t) => t === '1')).toBe('1');

    navigationClearsBadge();
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await waitFor(badge, (t) => t === '1')).toBe('1');
  });

  it('leaves the badge of the page the reader is on alone while prerendering, and shows its own count once activated', async () => {
    await fakeBrowser.action.setBadgeText({ tabId: TAB_ID, text: '4' });
    setPrerendering(true);
    annotatePage(ctx);
    // The session reports in the same step that makes it "annotated": by then a report would have been sent.
    expect((await waitFor(pageState, (s) => s?.status === 'annotated'))?.status).toBe('annotated');
    expect(document.querySelectorAll('claimlens-mark').length).toBeGreaterThan(0);
    expect(sent).toContain('annotate');
    expect(sent).not.toContain('page-claims');
    expect(await badge()).toBe('4');

    setPrerendering(false);
    navigationClearsBadge();
    document.dispatchEvent(new Event('prerenderingchange'));
    expect(await waitFor(badge, (t) => t === '1')).toBe('1');
  });
});

describe('the annotator and the packs', () => {
  /** What the options page sends the background when the reader flips a pack's switch. */
  const setPackEnabled = (packId: string, enabled: boolean) =>
    fakeBrowser.runtime.onMessage.trigger({ method: 'set-pack-enabled', packId, enabled }, { url: fakeBrowser.runtime.getURL('/options.html') } as Browser.runtime.MessageSender, () => undefined);
  const marks = () => document.querySelectorAll('claimlens-mark').length;

  it('takes the marks of a pack switched off in the options away from an open page at once, and brings them back when it is on again', async () => {
    const original = document.body.innerHTML;
    annotatePage(ctx);
    expect(await waitFor(badge, (t) => t === '1')).toBe('1');
    expect(marks()).toBeGreaterThan(0);

    await setPackEnabled('seed-fox-2017', false);
    expect(await waitFor(marks, (n) => n === 0)).toBe(0);
    expect(document.body.innerHTML).toBe(original);
    expect((await waitFor(pageState, (s) => s?.status === 'annotated' && s.claims.length === 0))?.claims).toEqual([]);
    expect(await waitFor(badge, (t) => t === '')).toBe('');

    await setPackEnabled('seed-fox-2017', true);
    expect(await waitFor(marks, (n) => n > 0)).toBeGreaterThan(0);
    expect(await waitFor(badge, (t) => t === '1')).toBe('1');
  });
});

describe('an orphaned annotator', () => {
  it('leaves the page as it was when the reader comes back to it after the extension was switched off', async () => {
    const original = document.body.innerHTML;
    annotatePage(ctx);
    await waitFor(() => document.querySelectorAll('claimlens-mark').length, (n) => n > 0);
    // What the browser does to a content script's world when its extension goes: the runtime loses its id, and nothing else happens.
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    window.dispatchEvent(new FocusEvent('focus'));
    // Read before ctx.isValid, whose reading alone would end the context.
    expect(document.querySelector('claimlens-mark')).toBeNull();
    expect(document.body.innerHTML).toBe(original);
    expect(ctx.signal.aborted).toBe(true);
  });
});
