// @vitest-environment jsdom
// The page session on a document made editable as a whole (designMode), which
// changes no attribute and fires no mutation: marks must not be saved with the text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE, realMatch, startTestSession, type TestSession } from '../support/page-session-harness';

let running: TestSession;

const marks = () => [...document.querySelectorAll('claimlens-mark')];
const story = () => document.getElementById('story')!;
/** Lets the page's changes settle and the run they start finish. */
const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await running.session.idle();
};
/** The story as the page wrote it, before any mark. */
let original: string;

beforeEach(() => {
  document.head.innerHTML = '<meta property="og:type" content="article"><title>t</title>';
  document.body.innerHTML = ARTICLE;
  original = story().innerHTML;
});
afterEach(() => {
  running.abort.abort();
  document.designMode = 'off';
});

describe('page session on a document in designMode', () => {
  it.each([
    ['puts the caret in it (focus)', () => story().querySelector('p')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }))],
    ['clicks in it', () => marks()[0]!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))],
    ['types in a mark', () => marks()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }))],
  ])('takes its marks out, restoring the page exactly, before the writer %s', async (_, edit) => {
    running = startTestSession();
    await running.session.idle();
    expect(marks()).toHaveLength(1);
    // A bookmarklet or a CMS editor: no attribute changes, no mutation, no event.
    document.designMode = 'on';
    edit();
    expect(marks()).toEqual([]);
    expect(document.querySelector('claimlens-card')).toBeNull();
    expect(story().innerHTML).toBe(original);
    // The writer's edits change the page: they bring no marks back, nor a match.
    story().querySelector('p')!.append(' Typed.');
    await settled();
    expect(marks()).toEqual([]);
    expect(running.matchCalls).toHaveLength(1);
    expect(running.reports.at(-1)).toEqual({ claimIds: [], off: null });
    expect(running.session.state().claims).toEqual([]);
  });

  it('takes its marks out when the next page change settles, without any event', async () => {
    running = startTestSession();
    await running.session.idle();
    document.designMode = 'on';
    story().insertAdjacentHTML('beforeend', '<p>An editor inserted this.</p>');
    await settled();
    expect(marks()).toEqual([]);
    expect(story().innerHTML).toBe(`${original}<p>An editor inserted this.</p>`);
  });

  it('does not annotate a document that is in designMode from the start', async () => {
    document.designMode = 'on';
    running = startTestSession();
    await running.session.idle();
    expect([marks(), running.matchCalls]).toEqual([[], []]);
    expect(running.session.state().status).toBe('not-article');
  });

  it('writes no marks when designMode went on while the text was being matched', async () => {
    running = startTestSession({
      result: (text) => {
        document.designMode = 'on';
        return realMatch(text);
      },
    });
    await running.session.idle();
    await settled();
    expect(marks()).toEqual([]);
    expect(story().innerHTML).toBe(original);
  });
});

describe('page session on a document whose <body> or <html> is made editable', () => {
  // `document.body.contentEditable = 'true'`, the other "edit this page" bookmarklet: the
  // article search looks inside <body>, so it never met the editable element itself.
  const editable = (tag: 'body' | 'html') => document.querySelector(tag)!;
  afterEach(() => {
    for (const tag of ['body', 'html'] as const) editable(tag).removeAttribute('contenteditable');
  });

  it.each(['body', 'html'] as const)('takes its marks out when the page makes <%s> editable', async (tag) => {
    running = startTestSession();
    await running.session.idle();
    expect(marks()).toHaveLength(1);
    editable(tag).setAttribute('contenteditable', 'true');
    await settled();
    expect(marks()).toEqual([]);
    expect(story().innerHTML).toBe(original);
    expect(running.session.state().claims).toEqual([]);
  });

  it('does not annotate a document whose <body> is editable from the start', async () => {
    editable('body').setAttribute('contenteditable', '');
    running = startTestSession();
    await running.session.idle();
    expect([marks(), running.matchCalls]).toEqual([[], []]);
  });
  it('annotates a page whose <body> says contenteditable="FALSE" (the keyword ignores case)', async () => {
    document.body.setAttribute('contenteditable', 'FALSE');
    running = startTestSession();
    await running.session.idle();
    expect(document.querySelectorAll('claimlens-mark')).toHaveLength(1);
  });
});
