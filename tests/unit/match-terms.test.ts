import { describe, expect, it } from 'vitest';
import { isCommonTerm, isStopWord, stemWord, termOf } from '../../lib/match/terms';

describe('stop words', () => {
  it('include function words and contractions, not content words', () => {
    for (const w of ['the', 'of', 'and', 'was', "didn't", 'whom']) expect(isStopWord(w)).toBe(true);
    for (const w of ['russia', 'campaign', 'ambassador', 'records']) expect(isStopWord(w)).toBe(false);
  });
});

describe('stemWord', () => {
  it('joins inflections of one word', () => {
    expect(stemWord('contacted')).toBe(stemWord('contacts'));
    expect(stemWord('preserved')).toBe(stemWord('preserving'));
    expect(stemWord('investigators')).toBe(stemWord('investigation'));
  });

  it('joins irregular past forms to their base', () => {
    expect(stemWord('met')).toBe(stemWord('meeting'));
    expect(stemWord('misled')).toBe(stemWord('misleading'));
    expect(stemWord('spoke')).toBe(stemWord('speaks'));
  });

  it('leaves years and acronyms alone', () => {
    expect(stemWord('2016')).toBe('2016');
    expect(stemWord('u.s.')).toBe('u.s.');
  });
});

describe('termOf', () => {
  it('gives no term for stop words, single letters and bare numbers', () => {
    expect(termOf('the')).toBeNull();
    expect(termOf('x')).toBeNull();
    expect(termOf('35')).toBeNull();
  });

  it('keeps years, which claims often name', () => {
    expect(termOf('2016')).toBe('2016');
  });

  it('returns the stem of a content word', () => {
    expect(termOf('emails')).toBe(stemWord('email'));
  });
});

describe('common news words', () => {
  it('cover reporting verbs, officials and time words in any inflection', () => {
    for (const w of ['said', 'says', 'reported', 'officials', 'year', 'wednesday']) expect(isCommonTerm(termOf(w)!)).toBe(true);
    expect(isCommonTerm('2016')).toBe(true);
  });

  it('leave distinctive words alone', () => {
    for (const w of ['classification', 'ambassador', 'hacking', 'narrative']) expect(isCommonTerm(termOf(w)!)).toBe(false);
  });
});
