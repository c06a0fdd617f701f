// Web and social text: links, hashtags, handles, grouped numbers and reference marks.
import { describe, expect, it } from 'vitest';
import { rankTerms } from '../../lib/match/analyze';
import { compileEntities } from '../../lib/match/entities';
import { splitSentences } from '../../lib/match/sentences';
import { stemWord } from '../../lib/match/terms';
import { tokenize } from '../../lib/match/tokenize';

const norms = (text: string) => tokenize(text).map((t) => t.norm);
const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('tokenize on web text', () => {
  it('gives no tokens for links, even glued to a word or a hashtag', () => {
    expect(norms('Read https://example.com/x1Y2z3 and www.example.org/a?b=c now')).toEqual(['read', 'and', 'now']);
    expect(norms('See example.com/page or pic.twitter.com/AbC123')).toEqual(['see', 'or']);
    expect(norms('#Floodhttps://example.com/V4Lz')).toEqual(['flood']);
    expect(norms('#Storm2pic.twitter.com/9Cg')).toEqual(['storm', '2']);
  });

  it('splits hashtags and handles where case or kind of character changes, with exact offsets', () => {
    const text = 'Thanks @theMayorJaneDoe for #SaveTheRiver2030 and @NWS_Boston';
    expect(norms(text)).toEqual(['thanks', 'the', 'mayor', 'jane', 'doe', 'for', 'save', 'the', 'river', '2030', 'and', 'nws', 'boston']);
    expect(words(text).slice(1, 5)).toEqual(['the', 'Mayor', 'Jane', 'Doe']);
    expect(tokenize(text).map((t) => t.cap).slice(1, 5)).toEqual([false, true, true, true]);
  });

  it('does not read an e-mail address as a handle', () => {
    expect(norms('write to ann@example')).toEqual(['write', 'to', 'ann', 'example']);
  });

  it('keeps grouped and decimal numbers whole', () => {
    expect(norms('down $1,250, a $2.5 fee, 3,400,000 people, 1,2,3')).toEqual(['down', '1250', 'a', '2.5', 'fee', '3400000', 'people', '1', '2', '3']);
    expect(words('cost $1,250.')).toEqual(['cost', '1,250']);
  });
});

describe('rankTerms', () => {
  const entities = compileEntities([{ id: 'russia', name: 'Russia', aliases: ['Moscow'] }]);

  it('keeps every number, stems words, and gives an entity one concept term', () => {
    expect(rankTerms(tokenize('Moscow paid $1,250 to 15 hackers in 2016'), entities)).toEqual([
      '@russia', stemWord('paid'), '1250', '15', stemWord('hackers'), '2016',
    ]);
  });

  it('keeps repeats, which count as term frequency', () => {
    expect(rankTerms(tokenize('tax and tax'), entities)).toEqual(['tax', 'tax']);
  });
});

describe('splitSentences with reference marks', () => {
  it('ends a sentence after a numbered reference mark and keeps the mark with it', () => {
    const text = 'The river rose 2.5 m in 1998.[12] Ferries stopped for a week.[3][4] The end.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'The river rose 2.5 m in 1998.[12]',
      'Ferries stopped for a week.[3][4]',
      'The end.',
    ]);
  });

  it('does not split at a reference mark inside a sentence', () => {
    const text = 'The river peaked in 1998,[12] after the storm.';
    expect(splitSentences(text)).toHaveLength(1);
  });
});

describe('rankTerms with the source text', () => {
  const none = compileEntities([]);

  it('also gives a hyphenated compound closed up, so "co-pay" meets "copay"', () => {
    const text = 'a co-pay rise';
    expect(rankTerms(tokenize(text), none, text)).toEqual([stemWord('co'), stemWord('copay'), stemWord('pay'), stemWord('rise')]);
    expect(rankTerms(tokenize(text), none)).toEqual([stemWord('co'), stemWord('pay'), stemWord('rise')]);
  });

  it('joins only across a single hyphen', () => {
    const text = 'cats - dogs and cats–dogs';
    expect(rankTerms(tokenize(text), none, text)).toEqual(['cat', 'dog', 'cat', 'dog']);
  });
});

describe('rankTerms and dates', () => {
  const none = compileEntities([]);

  it('leaves out the day of a date but keeps the year and other numbers', () => {
    expect(rankTerms(tokenize('On August 16, 2012, 16 people left'), none)).toEqual(['august', '2012', '16', stemWord('people'), stemWord('left')]);
    expect(rankTerms(tokenize('on 3 Jan 2020'), none)).toEqual(['jan', '2020']);
  });

  it('drops the digits of a handle, which only make it unique', () => {
    expect(norms('by @riverfan1987 on #Flood2030')).toEqual(['by', 'riverfan', 'on', 'flood', '2030']);
  });
});
