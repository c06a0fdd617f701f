// @vitest-environment jsdom
// The page session on pages that change under it after it marked them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE, startTestSession, type TestSession } from '../support/page-session-harness';

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
});
