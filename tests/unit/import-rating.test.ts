// Rating normalisation, dates, slugs and actor kinds: the small rules every importer shares.
import { describe, expect, it } from 'vitest';
import { guessActorKind, normalizeRating, ratingKey, slugify, toIsoDate } from '../../lib/claims/importers';
import { dateFromUrlPath } from '../../lib/claims/importers/dates';
import { IdAllocator, idSlug, urlSlug } from '../../lib/claims/importers/slug';

describe('normalizeRating', () => {
  it.each([
    ['False', -1], ['FALSE', -1], ['Pants on Fire!', -1], ['pants-fire', -1], ['Incorrect', -1],
    ['Mostly False', -0.5], ['Barely True', -0.5],
    ['Half True', 0], ['half-true', 0], ['Mixture', 0],
    ['Mostly True', 0.5],
    ['True', 1], ['Correct', 1],
  ])('reads the verdict "%s" by its text as %d', (text, score) => {
    expect(normalizeRating({ text })).toEqual({ score, from: 'text' });
  });

  it('prefers the text to a number that says otherwise', () => {
    expect(normalizeRating({ text: 'False', value: 5, best: 5, worst: 1 }).score).toBe(-1);
  });

  it('leaves the Washington Post\'s "Fuzzy math" (ratingValue -1) unrated rather than calling it false', () => {
    expect(normalizeRating({ text: 'Fuzzy math', value: -1 })).toEqual({ score: undefined, from: undefined });
    expect(normalizeRating({ text: 'Fuzzy math', value: -1, worst: 1, best: 4 }).score).toBeUndefined();
  });

  it('falls back to the number on its own scale when the text is unknown', () => {
    expect(normalizeRating({ value: 1, best: 6 })).toEqual({ score: -1, from: 'number' }); // worst defaults to 1
    expect(normalizeRating({ text: 'Spin', value: 4, worst: 1, best: 5 }).score).toBe(0.5);
    expect(normalizeRating({ value: 3 }).score).toBe(0); // schema.org defaults: 1…5
    expect(normalizeRating({ value: 2, worst: 3, best: 1 }).score).toBe(0); // a reversed scale
  });

  it('is undefined for unknown texts without a usable number, and for Flip-O-Meter verdicts', () => {
    expect(normalizeRating({ text: 'Needs context' }).score).toBeUndefined();
    expect(normalizeRating({ text: 'Full Flop' }).score).toBeUndefined();
    expect(normalizeRating({ value: 7, best: 6 }).score).toBeUndefined();
    expect(normalizeRating({ value: 3, best: 3, worst: 3 }).score).toBeUndefined();
    expect(normalizeRating({}).score).toBeUndefined();
  });

  it('folds case, accents and punctuation in rating texts', () => {
    expect(ratingKey('  Pants-on-FIRE! ')).toBe('pants on fire');
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2021-01-05 05:00', '2021-01-05'],
    ['2022-11-04T00:00:00Z', '2022-11-04'],
    ['2014-07-23', '2014-07-23'],
    ['26 May 2015', '2015-05-26'],
    ['October 22, 2019', '2019-10-22'],
    ['Sept. 3, 2018', '2018-09-03'],
  ])('reads %s', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each(['2019-02-30', 'yesterday', '22/10/2019', 'Mayday 3, 2019', ''])('refuses %j', (text) => {
    expect(toIsoDate(text)).toBeUndefined();
  });

  it('reads PolitiFact review dates from URL paths', () => {
    expect(dateFromUrlPath('/factchecks/2019/oct/30/x/y/')).toBe('2019-10-30');
    expect(dateFromUrlPath('/personalities/x/')).toBeUndefined();
  });
});

describe('ids', () => {
  it('slugs names without accents or punctuation', () => {
    expect(slugify('Donald J. Trump')).toBe('donald-j-trump');
    expect(slugify('José Martí')).toBe('jose-marti');
    expect(slugify('@@@')).toBe('x');
    expect(slugify('a'.repeat(200)).length).toBe(80);
  });

  it('keeps ids that are already slugs as they are', () => {
    expect(idSlug('vclaim-sno-1-mcdonald39s-any-size-fries')).toBe('vclaim-sno-1-mcdonald39s-any-size-fries');
    expect(idSlug('Tweet 12/3')).toBe('tweet-12-3');
  });

  it('makes readable ids from review URLs', () => {
    expect(urlSlug('https://www.politifact.com/factchecks/2019/oct/30/x/vandergriff-says/')).toBe('politifact-com-vandergriff-says');
    expect(urlSlug('not a url')).toBeUndefined();
  });

  it('numbers repeats in order of arrival', () => {
    const ids = new IdAllocator();
    expect([ids.take('a'), ids.take('a'), ids.take('b'), ids.take('a')]).toEqual(['a', 'a-2', 'b', 'a-3']);
  });
});

describe('guessActorKind', () => {
  it.each([
    ['Donald Trump', 'person'], ['GayDonna Vandergriff', 'person'], ['Ludwig van Beethoven', 'person'],
    ['Facebook posts', 'organization'], ['Viral image', 'organization'], ['Bloggers', 'organization'],
    ['The Gateway Pundit', 'organization'], ['Republican Party of Florida', 'organization'], ['ACLU', 'organization'],
  ])('%s → %s', (name, kind) => {
    expect(guessActorKind(name)).toBe(kind);
  });
});
