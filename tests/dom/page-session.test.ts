// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import bundledIndex from 'virtual:claimlens/index';
import { startPageSession, MAX_RESTORES, MAX_WAIT_MS, type PageSession } from '../../lib/annotate/page-session';
import { loadIndex } from '../../lib/claims/load-index';
import { articleSignal, type ArticleSignal } from '../../lib/page/article-gate';
import { createMatcher } from '../../lib/match/matcher';
import type { AnnotateResult, MatchedClaim } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/settings';

// The real gate, counted: a verdict handed over by the gate script saves the first run's gate.
vi.mock('../../lib/page/article-gate', async (original) => {
  const real = await original<typeof import('../../lib/page/article-gate')>();
  return { ...real, articleSignal: vi.fn(real.articleSignal) };
});

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

const index = loadIndex(bundledIndex);
const matcher = createMatcher(index.body.claims);
const byId = new Map(index.body.claims.map((c) => [c.id, c]));

const HACKING = "The intelligence community has assessed that Russia's hacking of Democratic groups and operatives was carried out to help Trump defeat Democrat Hillary Clinton.";
const DENIAL = 'Trump, for his part, has denied that his campaign had any contact with Russian officials.';
const FILLER = 'The city council met on Tuesday evening to discuss the budget for the coming year, and residents filled the hall to hear the plans. ';

const ARTICLE = `<article id="story"><h1>A headline</h1><p>${FILLER.repeat(3)}</p><p>Intro. <em>${HACKING}</em> Outro words follow here.</p><p>${FILLER.repeat(2)}</p></article>`;

let abort: AbortController;
let session: PageSession;
let matchCalls: string[];
let reports: { claimIds: string[]; off: string | null }[];
let result: (text: string) => AnnotateResult;

function realMatch(text: string): AnnotateResult {
  const annotations = matcher.match(text);
  const claims: MatchedClaim[] = [...new Set(annotations.map((a) => a.claimId))].map((id) => {
    const c = byId.get(id)!;
    return { id, text: c.text, packId: c.packId, packTitle: 'Seed', stances: c.stances, reviews: c.reviews };
  });
  return { ok: true, annotations, claims };
}

function start(settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] }, verdict?: ArticleSignal) {
  abort = new AbortController();
  session = startPageSession({
    ...(verdict ? { verdict } : {}),
    doc: document,
    signal: abort.signal,
    match: async (text) => {
      matchCalls.push(text);
      return result(text);
    },
    cardCss: '',
    renderCard: (container, items) => {
      container.textContent = items.map((i) => i.claim.text).join(' | ');
    },
    clearCard: (container) => container.replaceChildren(),
    report: (claimIds, off) => reports.push({ claimIds, off }),
    describe: (claims) => `Known claim: ${claims.map((c) => c.id).join(', ')}`,
  });
  session.setSettings(settings);
}

const marks = () => [...document.querySelectorAll('claimlens-mark')];
const story = () => document.getElementById('story')!;
/** Lets the page's changes settle and the run they start finish. */
const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await session.idle();
};

beforeEach(() => {
  Element.prototype.scrollIntoView = () => undefined;
  document.head.innerHTML = '<meta property="og:type" content="article"><title>t</title>';
  document.body.innerHTML = ARTICLE;
  matchCalls = [];
  reports = [];
  result = realMatch;
  slicing.onPause = undefined;
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

describe('page session', () => {
  it('annotates the article through the background and reports its claims', async () => {
    start();
    await session.idle();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toEqual(['russia-hacking-aimed-to-help-trump']);
    expect(reports.at(-1)).toEqual({ claimIds: ['russia-hacking-aimed-to-help-trump'], off: null });
    expect(session.state()).toMatchObject({ status: 'annotated', claims: [{ id: 'russia-hacking-aimed-to-help-trump', marks: 1 }] });
  });

  it('describes each mark to assistive tech through a hidden element in the light DOM', async () => {
    start();
    await session.idle();
    const mark = marks()[0]!;
    const description = document.getElementById(mark.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('Known claim: russia-hacking-aimed-to-help-trump');
    expect(description?.closest('claimlens-card')).not.toBeNull();
    expect(mark.getAttribute('data-style')).toBe('underline');
  });

  it('does not start new work because of its own DOM writes', async () => {
    start();
    await session.idle();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await session.idle();
    expect(matchCalls).toHaveLength(1);
  });

  it('restores the article byte for byte when switched off, and annotates again when switched on', async () => {
    const original = story().innerHTML;
    start();
    await session.idle();
    expect(story().innerHTML).not.toBe(original);
    session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: [], paused: true });
    await session.idle();
    expect(story().innerHTML).toBe(original);
    expect(document.querySelector('claimlens-card')).toBeNull();
    expect(reports.at(-1)).toEqual({ claimIds: [], off: 'paused' });
    expect(session.state()).toMatchObject({ status: 'off', off: 'paused', claims: [] });
    session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: ['localhost'] });
    await session.idle();
    expect(session.state().off).toBe('site-off');
    expect(story().innerHTML).toBe(original);
    session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: [] });
    await session.idle();
    expect(marks()).toHaveLength(1);
  });

  it('annotates content added after load once, within the time budget', async () => {
    start();
    await session.idle();
    const added = document.createElement('p');
    added.textContent = DENIAL;
    story().appendChild(added);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await session.idle();
    expect(Date.now() - started).toBeLessThan(MAX_WAIT_MS + 500);
    expect(marks().map((m) => m.getAttribute('data-claim-ids')).sort()).toEqual(['russia-hacking-aimed-to-help-trump', 'trump-campaign-russia-contacts']);
    expect(matchCalls).toHaveLength(2);
  });

  it('leaves nothing of its own in content the page removed, and annotates the new article', async () => {
    start();
    await session.idle();
    const old = story();
    old.remove();
    document.body.insertAdjacentHTML('beforeend', `<article id="story"><p>${FILLER.repeat(4)}</p><p>${DENIAL}</p></article>`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await session.idle();
    expect(old.querySelector('claimlens-mark')).toBeNull();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toEqual(['trump-campaign-russia-contacts']);
    expect(document.querySelectorAll('claimlens-card')).toHaveLength(1);
  });

  it('moves focus from mark to mark (wrapping) and shows a claim from the popup', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL}</p>`);
    start();
    await session.idle();
    const [first, second] = marks() as HTMLElement[];
    expect(session.focusNextMark()).toBe(true);
    expect(document.activeElement).toBe(first);
    session.focusNextMark();
    expect(document.activeElement).toBe(second);
    session.focusNextMark();
    expect(document.activeElement).toBe(first);
    expect(session.showClaim('trump-campaign-russia-contacts')).toBe(true);
    expect(document.activeElement).toBe(second);
    const host = document.querySelector('claimlens-card') as HTMLElement;
    expect(host.style.display).toBe('block');
    expect(host.shadowRoot!.textContent).toContain(byId.get('trump-campaign-russia-contacts')!.text);
    expect(session.showClaim('no-such-claim')).toBe(false);
  });

  it('shows an error state and no marks when the index fails to load', async () => {
    result = () => ({ ok: false, error: 'Cannot load the claim index: checksum mismatch' });
    const original = story().innerHTML;
    start();
    await session.idle();
    expect(marks()).toHaveLength(0);
    expect(story().innerHTML).toBe(original);
    expect(session.state()).toMatchObject({ status: 'error', error: expect.stringContaining('checksum') });
  });

  it("uses the gate script's verdict for its first run instead of running the gate again", async () => {
    const gate = vi.mocked(articleSignal);
    gate.mockClear();
    start(undefined, 'og:type');
    await session.idle();
    expect(session.state().status).toBe('annotated');
    expect(gate).not.toHaveBeenCalled();
    // Later runs check the page again.
    story().append(Object.assign(document.createElement('p'), { textContent: FILLER }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await session.idle();
    expect(gate).toHaveBeenCalled();
  });

  it('leaves a page that is not an article alone', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<p>Hello</p><p>${DENIAL}</p>`;
    start();
    await session.idle();
    expect(matchCalls).toEqual([]);
    expect(session.state().status).toBe('not-article');
  });

  it('leaves no marks, card or listener when the extension shuts down while marks are being written', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL}</p>`); // two marks: a pause falls between them
    const original = story().innerHTML;
    let pauses = 0;
    slicing.onPause = () => {
      pauses++;
      abort.abort();
    };
    start();
    await session.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pauses).toBeGreaterThan(0);
    expect(marks()).toHaveLength(0);
    expect(document.querySelector('claimlens-card')).toBeNull();
    expect(story().innerHTML).toBe(original);
  });

  it('marks again when the page re-renders the article with the same text', async () => {
    start();
    await session.idle();
    story().innerHTML = ARTICLE.replace(/^<article id="story">|<\/article>$/g, '');
    await settled();
    expect(marks()).toHaveLength(1);
    expect(marks()[0]!.isConnected).toBe(true);
  });

  it('stops putting marks back on a page that takes out whatever is added', async () => {
    start();
    await session.idle();
    new MutationObserver(() => {
      for (const m of marks()) m.replaceWith(...m.childNodes);
    }).observe(story(), { childList: true, subtree: true });
    marks()[0]!.replaceWith(...marks()[0]!.childNodes);
    for (let i = 0; i < 6; i++) await settled();
    expect(matchCalls).toHaveLength(1 + MAX_RESTORES);
  });

  /** Annotates, then copies the marked paragraph's HTML into a quote, as a page script might. */
  async function copyMarkedHtml(): Promise<Element> {
    start();
    await session.idle();
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
    session.setSettings({ ...DEFAULT_SETTINGS, disabledSites: [], paused: true });
    await settled();
    expect(marks()).toHaveLength(0);
    expect(quote.innerHTML).toBe(copied);
  });

  it('holds one listener on the extension context however often it annotates again', async () => {
    start();
    const listening = new Set<unknown>();
    const { addEventListener: add, removeEventListener: remove } = abort.signal;
    abort.signal.addEventListener = ((type: string, fn: EventListener, opts?: AddEventListenerOptions) => {
      listening.add(fn);
      add.call(abort.signal, type, fn, opts);
    }) as typeof add;
    abort.signal.removeEventListener = ((type: string, fn: EventListener) => {
      listening.delete(fn);
      remove.call(abort.signal, type, fn);
    }) as typeof remove;
    await session.idle();
    for (let i = 0; i < 4; i++) {
      story().appendChild(Object.assign(document.createElement('p'), { textContent: `${FILLER} Item ${i}.` }));
      await settled();
    }
    expect(matchCalls).toHaveLength(5);
    expect(listening.size).toBe(1);
  });

  it('marks a sentence whose source has a blank line in the middle of its paragraph', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL.replace(' had ', '\n\nhad ')}</p>`);
    start();
    await session.idle();
    expect(marks().map((m) => m.getAttribute('data-claim-ids'))).toContain('trump-campaign-russia-contacts');
  });

  it('applies a highlight style chosen while marks are being written, and matches again for a new sensitivity', async () => {
    story().insertAdjacentHTML('beforeend', `<p>${DENIAL}</p>`); // two marks: a pause falls between them
    const base: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] };
    slicing.onPause = () => session.setSettings({ ...base, highlightStyle: 'background' });
    start(base);
    await session.idle();
    slicing.onPause = undefined;
    expect(marks().map((m) => m.getAttribute('data-style'))).toEqual(['background', 'background']);
    // The background applies the sensitivity per request: same text, but a new request.
    session.setSettings({ ...base, highlightStyle: 'background', sensitivity: 'thorough' });
    await settled();
    expect(matchCalls).toHaveLength(2);
  });
});
