import { afterEach, describe, expect, it } from 'vitest';
import { annotatorRunning, claimDocument, handOverVerdict } from '../../lib/annotate/annotator-presence';

const lives: AbortController[] = [];
const life = () => {
  const c = new AbortController();
  lives.push(c);
  return c;
};
afterEach(() => lives.splice(0).forEach((c) => c.abort()));

describe('one annotator per document', () => {
  it('lets the first annotator claim the document and refuses a second injection', () => {
    expect(annotatorRunning()).toBe(false);
    expect(claimDocument(life().signal)).toEqual({ verdict: null });
    expect(annotatorRunning()).toBe(true);
    expect(claimDocument(life().signal)).toBeUndefined();
  });

  it('frees the document when the annotator stops (its context invalidated)', () => {
    const first = life();
    claimDocument(first.signal);
    first.abort();
    expect(annotatorRunning()).toBe(false);
    expect(claimDocument(life().signal)).toBeDefined();
  });

  it("hands the gate's verdict to the annotator once", () => {
    handOverVerdict('json-ld');
    const first = life();
    expect(claimDocument(first.signal)).toEqual({ verdict: 'json-ld' });
    first.abort();
    expect(claimDocument(life().signal)).toEqual({ verdict: null });
  });

  it('does not claim with a signal that has already ended', () => {
    const ended = life();
    ended.abort();
    expect(claimDocument(ended.signal)).toBeUndefined();
    expect(annotatorRunning()).toBe(false);
  });
});
