// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { MAX_RESTORES } from '../../lib/annotate/page-session';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/settings';
import { ARTICLE, DENIAL, FILLER, marks, run, settled, start, story, usePageSession } from '../support/page-session-harness';
// The page rewriting or copying what the session wrote, and the session's
// own lifetime while it writes (tests/support/page-session-harness.ts).

// The real slicer, unless a test forces a pause (and hooks into it) between every two slices.
const slicing: { onPause?: () => void } = {};
vi.mock('../../lib/annotate/slices', async (original) => {
  const real = await original<typeof import('../../lib/annotate/slices')>();
  return {
    ...real,
    createSlicer: () => {
      const slicer = real.createSlicer();
      return {
        shouldPause: () => !!slicing.onPause || slicer.shouldPause(),
        pause: () => (slicing.onPause?.(), slicer.pause()),
      };
    },
  };
});

usePageSession(() => (slicing.onPause = undefined));

describe('page session, while the page rewrites the article', () => {
  it('leaves no marks, card or listener when the extension shuts down while marks are being written', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL}</p>`); // two marks: a pause falls between them
    const original = story().innerHTML;
    let pauses = 0;
    slicing.onPause = () => {
      pauses++;
      run.abort.abort();
    };
    start();
    await run.session.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pauses).toBeGreaterThan(0);
    expect(marks()).toHaveLength(0);
    expect(document.querySelector('claimlens-card')).toBeNull();
    expect(story().innerHTML).toBe(original);
  });

  it('marks again when the page re-renders the article with the same text', async () => {
    start();
    await run.session.idle();
    story().innerHTML = ARTICLE.replace(/^<article id="story">|<\/article>$/g, '');
    await settled();
    expect(marks()).toHaveLength(1);
    expect(marks()[0]!.isConnected).toBe(true);
  });

  it('stops putting marks back on a page that takes out whatever is added', async () => {
    start();
    await run.session.idle();
    new MutationObserver(() => {
      for (const m of marks()) m.replaceWith(...m.childNodes);
    }).observe(story(), { childList: true, subtree: true });
    marks()[0]!.replaceWith(...marks()[0]!.childNodes);
    for (let i = 0; i < 6; i++) await settled();
    expect(run.matchCalls).toHaveLength(1 + MAX_RESTORES);
  });

  /** Annotates, then copies the marked paragraph's HTML into a quote, as a page script might. */
  async function copyMarkedHtml(): Promise<Element> {
    start();
    await run.session.idle();
    const quote = document.createElement('blockquote');
    quote.innerHTML = marks()[0]!.parentElement!.innerHTML;
    return story().appendChild(quote);
  }

  it('does not nest marks in a copy the page made of marked HTML', async () => {
    const quote = await copyMarkedHtml();
    await settled();
    expect(document.querySelectorAll('claimlens-mark claimlens-mark')).toHaveLength(0);
    expect(quote.querySelectorAll('claimlens-mark')).toHaveLength(1); // the copy is read and marked as text of its own
  });

  it('takes out the marks in a copy the page made when switched off before it looked again', async () => {
    // The page copies marked HTML and the user switches off within the settle delay:
    // no run has taken the copy's marks out yet, and no MarkSet knows them.
    const quote = await copyMarkedHtml();
    const copied = quote.innerHTML.replace(/<\/?claimlens-mark[^>]*>/g, '');
    run.session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: [], paused: true });
    await settled();
    expect(marks()).toHaveLength(0);
    expect(quote.innerHTML).toBe(copied);
  });

  it('holds one listener on the extension context however often it annotates again', async () => {
    start();
    const listening = new Set<unknown>();
    const { addEventListener: add, removeEventListener: remove } = run.abort.signal;
    run.abort.signal.addEventListener = ((type: string, fn: EventListener, opts?: AddEventListenerOptions) => {
      listening.add(fn);
      add.call(run.abort.signal, type, fn, opts);
    }) as typeof add;
    run.abort.signal.removeEventListener = ((type: string, fn: EventListener) => {
      listening.delete(fn);
      remove.call(run.abort.signal, type, fn);
    }) as typeof remove;
    await run.session.idle();
    for (let i = 0; i < 4; i++) {
      story().appendChild(Object.assign(document.createElement('p'), { textContent: `${FILLER} Item ${i}.` }));
      await settled();
    }
    expect(run.matchCalls).toHaveLength(5);
    expect(listening.size).toBe(1);
  });

  it('marks a sentence whose source has a blank line in the middle of its paragraph', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL.replace(' had ', '\n\nhad ')}</p>`);
    start();
    await run.session.idle();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toContain('trump-campaign-russia-contacts');
  });

  it('applies a highlight style chosen while marks are being written, and matches again for a new sensitivity', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL}</p>`); // two marks: a pause falls between them
    const base: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] };
    slicing.onPause = () => run.session.setSettings({ ...base, highlightStyle: 'background' });
    start(base);
    await run.session.idle();
    slicing.onPause = undefined;
    expect(marks().map((m) => m.getAttribute('data-style'))).toEqual(['background', 'background']);
    // The background applies the sensitivity per request: same text, but a new request.
    run.session.setSettings({ ...base, highlightStyle: 'background', sensitivity: 'thorough' });
    await settled();
    expect(run.matchCalls).toHaveLength(2);
  });
});
