// @vitest-environment jsdom
// The browser clears a tab's badge when it shows a document again from the
// back/forward cache or activates a prerendered one; the annotator's scripts
// do not run again then, so its last report must be sent again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBadgeReporter } from '../../lib/annotate/badge-report';

let life: AbortController;
let sent: [string[], string | null][];
let report: ReturnType<typeof createBadgeReporter>;

const pageshow = (persisted: boolean) => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted }));
/** jsdom has no prerendering: the property is Chromium's, defined here on the document itself. */
const setPrerendering = (value: boolean) => Object.defineProperty(document, 'prerendering', { value, configurable: true });

beforeEach(() => {
  life = new AbortController();
  sent = [];
  report = createBadgeReporter({ doc: document, signal: life.signal, send: (claimIds, off) => void sent.push([claimIds, off]) });
});

afterEach(() => {
  life.abort();
  delete (document as { prerendering?: boolean }).prerendering;
});

describe('the badge reporter', () => {
  it('sends each report at once', () => {
    report(['a', 'b'], null);
    report([], 'site-off');
    expect(sent).toEqual([
      [['a', 'b'], null],
      [[], 'site-off'],
    ]);
  });

  it('sends the latest report again when the page is restored from the back/forward cache', () => {
    report(['a'], null);
    report(['a', 'b'], null);
    pageshow(true);
    expect(sent).toEqual([
      [['a'], null],
      [['a', 'b'], null],
      [['a', 'b'], null],
    ]);
  });

  it('sends nothing again on a first load, nor on a restore before any report', () => {
    pageshow(true);
    report(['a'], null);
    pageshow(false);
    expect(sent).toEqual([[['a'], null]]);
  });

  it('holds the reports of a prerendered page until it is activated, then sends the latest', () => {
    setPrerendering(true);
    report(['a'], null);
    report(['a', 'b'], null);
    expect(sent, 'a prerendered page would overwrite the badge of the page the reader is on').toEqual([]);
    setPrerendering(false);
    document.dispatchEvent(new Event('prerenderingchange'));
    expect(sent).toEqual([[['a', 'b'], null]]);
  });

  it('stops with its signal', () => {
    report(['a'], null);
    life.abort();
    pageshow(true);
    document.dispatchEvent(new Event('prerenderingchange'));
    report(['b'], null);
    expect(sent).toEqual([[['a'], null]]);
  });
});
