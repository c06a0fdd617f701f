// A page session over jsdom's document, matching with the bundled index as
// the background would, for tests/dom/page-session*.test.ts. Each test file
// keeps its own vi.mock calls (vitest hoists them per file).
import { afterEach, beforeEach, vi } from 'vitest';
import bundledIndex from 'virtual:claimlens/index';
import { startPageSession, type PageSession } from '../../lib/annotate/page-session';
import { loadIndex } from '../../lib/claims/load-index';
import type { ArticleSignal } from '../../lib/page/article-gate';
import { createMatcher } from '../../lib/match/matcher';
import type { AnnotateResult, MatchedClaim } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/settings';

const index = loadIndex(bundledIndex);
const matcher = createMatcher(index.body.claims);
/** The bundled claims by id. */
export const byId = new Map(index.body.claims.map((c) => [c.id, c]));

export const HACKING = "The intelligence community has assessed that Russia's hacking of Democratic groups and operatives was carried out to help Trump defeat Democrat Hillary Clinton.";
export const DENIAL = 'Trump, for his part, has denied that his campaign had any contact with Russian officials.';
export const FILLER = 'The city council met on Tuesday evening to discuss the budget for the coming year, and residents filled the hall to hear the plans. ';

export const ARTICLE = `<article id="story"><h1>A headline</h1><p>${FILLER.repeat(3)}</p><p>Intro. <em>${HACKING}</em> Outro words follow here.</p><p>${FILLER.repeat(2)}</p></article>`;

/** The bundled index's answer to the content script's "annotate" message. */
export function realMatch(text: string): AnnotateResult {
  const annotations = matcher.match(text);
  const claims: MatchedClaim[] = [...new Set(annotations.map((a) => a.claimId))].map((id) => {
    const c = byId.get(id)!;
    return { id, text: c.text, packId: c.packId, packTitle: 'Seed', stances: c.stances, reviews: c.reviews };
  });
  return { ok: true, annotations, claims };
}

/** The running session and what it did; reset before each test. */
export const run = {
  abort: new AbortController(),
  session: undefined as unknown as PageSession,
  /** Every text sent to be matched. */
  matchCalls: [] as string[],
  /** Every badge report. */
  reports: [] as { claimIds: string[]; off: string | null }[],
  /** What matching answers (the bundled index unless a test says otherwise). */
  result: realMatch as (text: string) => AnnotateResult,
};

/** A running test session and what it sent out. */
export interface TestSession {
  session: PageSession;
  abort: AbortController;
  /** The texts sent for matching, in order. */
  matchCalls: string[];
  /** The badge reports, in order. */
  reports: { claimIds: string[]; off: string | null }[];
}

/** Starts a session on `document` with `settings` (every site on by default), for tests that keep their own state. */
export function startTestSession(
  options: {
    settings?: Settings;
    verdict?: ArticleSignal;
    result?: (text: string) => AnnotateResult;
    alive?: () => boolean;
    matchCalls?: string[];
    reports?: TestSession['reports'];
  } = {},
): TestSession {
  const abort = new AbortController();
  const matchCalls = options.matchCalls ?? [];
  const reports = options.reports ?? [];
  const result = options.result ?? realMatch;
  const session = startPageSession({
    ...(options.verdict ? { verdict: options.verdict } : {}),
    ...(options.alive ? { alive: options.alive } : {}),
    doc: document,
    signal: abort.signal,
    match: async (text) => {
      matchCalls.push(text);
      return result(text);
    },
    cardCss: '',
    renderCard: (container, items) => {
      // A dialog that takes focus, as the real card's does on Enter.
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.tabIndex = -1;
      dialog.textContent = items.map((i) => i.claim.text).join(' | ');
      container.replaceChildren(dialog);
    },
    clearCard: (container) => container.replaceChildren(),
    report: (claimIds, off) => reports.push({ claimIds, off }),
    describe: (claims) => `Known claim: ${claims.map((c) => c.id).join(', ')}`,
  });
  session.setSettings(options.settings ?? { ...DEFAULT_SETTINGS, disabledSites: [] });
  return { session, abort, matchCalls, reports };
}

/** Starts a session into `run` (see usePageSession), with `settings` and, when given, the gate script's verdict. */
export function start(settings?: Settings, verdict?: ArticleSignal): void {
  const started = startTestSession({
    ...(settings ? { settings } : {}),
    ...(verdict ? { verdict } : {}),
    result: (text) => run.result(text),
    matchCalls: run.matchCalls,
    reports: run.reports,
  });
  run.session = started.session;
  run.abort = started.abort;
}

export const marks = () => [...document.querySelectorAll('claimlens-mark')];
export const story = () => document.getElementById('story')!;
/** Lets the page's changes settle and the run they start finish. */
export const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await run.session.idle();
};

/** Registers the per-test reset (the seed article as the page) and teardown. */
export function usePageSession(reset: () => void = () => undefined): void {
  beforeEach(() => {
    Element.prototype.scrollIntoView = () => undefined;
    document.head.innerHTML = '<meta property="og:type" content="article"><title>t</title>';
    document.body.innerHTML = ARTICLE;
    run.matchCalls = [];
    run.reports = [];
    run.result = realMatch;
    reset();
  });
  afterEach(() => {
    run.abort.abort();
    vi.useRealTimers();
  });
}
