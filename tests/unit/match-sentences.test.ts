import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/match/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    expect(split('One is here. Two is there? Three! Four')).toEqual(['One is here.', 'Two is there?', 'Three!', 'Four']);
  });

  it('never crosses a blank line, even without punctuation', () => {
    expect(split('A headline without a stop\n\nThe body starts here. And goes on.')).toEqual([
      'A headline without a stop',
      'The body starts here.',
      'And goes on.',
    ]);
  });

  it('tolerates white space inside the blank line and CRLF line ends', () => {
    expect(split('First block\n \t\nSecond block\r\n\r\nThird block')).toEqual(['First block', 'Second block', 'Third block']);
  });

  it('treats a single line break as ordinary white space', () => {
    expect(split('A sentence that\nwraps. Next one.')).toEqual(['A sentence that\nwraps.', 'Next one.']);
  });

  it('ends a sentence after a closing quote even when no space follows', () => {
    expect(split('he asked "if it is in the course of this campaign."When contacted, he said no.')).toEqual([
      'he asked "if it is in the course of this campaign."',
      'When contacted, he said no.',
    ]);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(split('She said: “It is false.” Then she left.')).toEqual(['She said: “It is false.”', 'Then she left.']);
  });

  it('starts a sentence at an opening quote', () => {
    expect(split('He left. "We will see," she said.')).toEqual(['He left.', '"We will see," she said.']);
  });

  it('does not end a sentence at titles, state abbreviations or initials', () => {
    expect(split('Sessions was asked by Sen. Al Franken, D-Minn., how he would respond.')).toHaveLength(1);
    expect(split('Dr. Jane Roe of Calif. met George W. Bush in Washington.')).toHaveLength(1);
    expect(split('Mr. Smith spoke to Gov. Brown in Jan. 2017 about it.')).toHaveLength(1);
  });

  it('does not end a sentence at "U.S." inside a sentence, but does before a typical opener', () => {
    expect(split('He met the U.S. Attorney General on Monday.')).toHaveLength(1);
    expect(split('He flew to the U.S. The trip was short.')).toEqual(['He flew to the U.S.', 'The trip was short.']);
  });

  it('ends a sentence at an abbreviation-like word that is just a word', () => {
    expect(split('The answer was no. The debate moved on.')).toEqual(['The answer was no.', 'The debate moved on.']);
  });

  it('does not split inside numbers or before a lower-case continuation', () => {
    expect(split('Growth was 3.5 percent. "Why?" he asked. It rose.')).toEqual(['Growth was 3.5 percent.', '"Why?" he asked.', 'It rose.']);
  });

  it('returns trimmed spans with exact offsets', () => {
    const text = '  \n\n  Leading space. Trailing space.   \n\n';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Leading space.', 'Trailing space.']);
    expect(spans[0]!.start).toBe(text.indexOf('Leading'));
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
