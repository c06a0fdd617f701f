import { describe, expect, it } from 'vitest';
import { foldText, normalizeWithMap } from '../../lib/match/normalize';
import { foldWord, tokenize } from '../../lib/match/tokenize';

describe('foldText', () => {
  it('folds typographic quotes, dashes and spaces to ASCII', () => {
    expect(foldText('“Hi” ‘there’ – — \u00a0x\u202fy')).toBe(`"hi" 'there' - -  x y`);
  });

  it('strips diacritics and folds case', () => {
    expect(foldText('Ñandú CAFÉ Zürich Ångström')).toBe('nandu cafe zurich angstrom');
  });

  it('expands compatibility forms such as ligatures and full-width letters', () => {
    expect(foldText('ﬁnal ＦＢＩ')).toBe('final fbi');
  });

  it('removes invisible characters that split words in the DOM', () => {
    expect(foldText('inter\u00adference zero\u200bwidth')).toBe('interference zerowidth');
  });
});

describe('normalizeWithMap', () => {
  it('maps every folded character back to its original offset', () => {
    const original = 'Café “Noël”';
    const { text, offsets } = normalizeWithMap(original);
    expect(text).toBe('cafe "noel"');
    expect(offsets).toHaveLength(text.length + 1);
    // "noel" starts where "Noël" starts in the original.
    const i = text.indexOf('noel');
    expect(original.slice(offsets[i], offsets[i + 4])).toBe('Noël');
    expect(offsets[text.length]).toBe(original.length);
  });

  it('keeps characters outside the BMP whole', () => {
    const { text, offsets } = normalizeWithMap('a😀b');
    expect(text).toBe('a😀b');
    expect(offsets[text.indexOf('b')]).toBe(3);
  });
});

describe('foldWord', () => {
  it('strips a straight or curly possessive', () => {
    expect(foldWord('Russia’s')).toEqual({ norm: 'russia', possessive: true });
    expect(foldWord("Trump's")).toEqual({ norm: 'trump', possessive: true });
    expect(foldWord('its')).toEqual({ norm: 'its', possessive: false });
  });
});

describe('tokenize', () => {
  const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

  it('returns exact offsets into the original text, whatever folding does', () => {
    const text = 'Ça\u00a0va — “Zürich’s” ﬁnal';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Ça', 'va', 'Zürich’s', 'ﬁnal']);
    expect(tokens.map((t) => t.norm)).toEqual(['ca', 'va', 'zurich', 'final']);
    expect(tokens[2]!.possessive).toBe(true);
  });

  it('keeps dotted acronyms whole and splits hyphenated compounds', () => {
    expect(words('the U.S. and D.C. then-candidate D-Minn.')).toEqual(['the', 'U.S.', 'and', 'D.C.', 'then', 'candidate', 'D', 'Minn']);
    expect(tokenize('U.S.')[0]!.norm).toBe('u.s.');
  });

  it('keeps contractions and names with apostrophes as one word', () => {
    expect(words("don't O'Neill")).toEqual(["don't", "O'Neill"]);
  });

  it('marks capitalised words', () => {
    expect(tokenize('Sessions met sessions').map((t) => t.cap)).toEqual([true, false, false]);
  });

  it('treats a soft hyphen as part of the word', () => {
    const text = 'Netan\u00adyahu said';
    expect(tokenize(text).map((t) => t.norm)).toEqual(['netanyahu', 'said']);
  });

  it('tokenises only the requested range', () => {
    const text = 'one two three four';
    expect(tokenize(text, 4, 13).map((t) => t.norm)).toEqual(['two', 'three']);
  });
});
