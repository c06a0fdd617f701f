import { describe, expect, it } from 'vitest';
import { compileEntities, findEntities } from '../../lib/match/entities';
import { tokenize } from '../../lib/match/tokenize';

const index = compileEntities([
  { id: 'russia', name: 'Russia', aliases: ['Russian', 'Russians', 'Moscow'] },
  { id: 'pence', name: 'Mike Pence', aliases: ['Pence', 'Vice President Pence', 'Vice President Mike Pence'] },
  { id: 'sessions', name: 'Jeff Sessions', aliases: ['Sessions'] },
  { id: 'envoy', name: "Russia's ambassador", aliases: ['ambassador', 'the envoy'] },
  { id: 'trump', name: 'Donald Trump', aliases: ['Trump'] },
]);

/** Entity ids found in `text`, with the text of each mention. */
function find(text: string): [string, string][] {
  const tokens = tokenize(text);
  return findEntities(index, tokens).map((h) => [h.entityId, text.slice(tokens[h.first]!.start, tokens[h.last]!.end)]);
}

describe('entity alias matching', () => {
  it('prefers the longest alias at a position and counts it once', () => {
    expect(find('He misled Vice President Mike Pence.')).toEqual([['pence', 'Vice President Mike Pence']]);
  });

  it('matches possessives with straight or curly apostrophes', () => {
    expect(find('Moscow’s role and Trump\'s aides')).toEqual([
      ['russia', 'Moscow’s'],
      ['trump', "Trump's"],
    ]);
  });

  it('requires capitalised alias words to be capitalised in the text', () => {
    expect(find('training sessions and a trump card')).toEqual([]);
    expect(find('Sessions said no')).toEqual([['sessions', 'Sessions']]);
  });

  it('matches lower-case aliases by stem, so plurals count', () => {
    expect(find('the ambassadors met')).toEqual([['envoy', 'ambassadors']]);
  });

  it('takes a one-word alias after another name as someone else\'s, but not after a word of its own names', () => {
    expect(find('talks with the Turkish ambassador')).toEqual([]);
    expect(find("talks with Japan's ambassador")).toEqual([]);
    const kislyak = compileEntities([{ id: 'kislyak', name: 'Sergey Kislyak', aliases: ['Russian ambassador', 'envoy'] }]);
    const envoys = (text: string) => findEntities(kislyak, tokenize(text)).map((h) => h.entityId);
    expect([envoys('met the Russian envoy'), envoys('met the Turkish envoy'), envoys('met the envoy')]).toEqual([['kislyak'], [], ['kislyak']]);
    expect(find('The ambassador declined')).toEqual([['envoy', 'ambassador']]); // a capitalised stop word is no qualifier
  });

  it('keeps stop words of an alias as part of it', () => {
    expect(find('talks with the envoy')).toEqual([['envoy', 'the envoy']]);
    expect(find('an envoy arrived')).toEqual([]);
  });

  it('lets different entities overlap', () => {
    expect(find("Russia's ambassador").sort()).toEqual([
      ['envoy', "Russia's ambassador"],
      ['russia', "Russia's"],
    ]);
  });

  it('folds diacritics and case in names the same way as page text', () => {
    const accented = compileEntities([{ id: 'zurich', name: 'Zürich', aliases: [] }]);
    const tokens = tokenize('Flights to ZURICH resumed');
    expect(findEntities(accented, tokens).map((h) => h.entityId)).toEqual(['zurich']);
  });

  it('searches only the requested token range', () => {
    const tokens = tokenize('Pence met Trump');
    expect(findEntities(index, tokens, 1, 3).map((h) => h.entityId)).toEqual(['trump']);
  });
});

describe('acronym aliases', () => {
  const us = compileEntities([{ id: 'usa', name: 'United States', aliases: ['US', 'U.S.'] }]);
  const ids = (text: string) => findEntities(us, tokenize(text)).map((h) => h.entityId);

  it('match the acronym but not the pronoun it spells', () => {
    expect(ids('The US said no')).toEqual(['usa']);
    expect(ids('the U.S. said no')).toEqual(['usa']);
    expect(ids('tell us more')).toEqual([]);
  });
});
