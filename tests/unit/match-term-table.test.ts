// The matcher caches page words as integer term ids (lib/match/term-table.ts).
// The cache must never change a result: not after other pages, not after it
// has been emptied because it grew too large.
import { describe, expect, it } from 'vitest';
import type { MatchableClaim } from '../../lib/claims/runtime-types';
import { compileEntities } from '../../lib/match/entities';
import { createMatcher } from '../../lib/match/matcher';
import { TermTable, mayStartAlias, termIdOf } from '../../lib/match/term-table';
import { stemWord } from '../../lib/match/terms';
import { computeWeights } from '../../lib/match/weights';

const river = { id: 'river', name: 'Blue River', aliases: ['the river'] };
const claims: MatchableClaim[] = [
  { id: 'fish-died', text: 'Thousands of fish died in the Blue River after the chemical spill.', paraphrases: [], entities: [river] },
  { id: 'bridge-closed', text: 'The old railway bridge was closed for repairs after inspectors found cracks.', paraphrases: [], entities: [] },
];

describe('TermTable', () => {
  const table = new TermTable(computeWeights([[stemWord('fish')]]), compileEntities([river]));
  table.idOf(stemWord('fish'));
  table.freeze();

  it('gives a known word its claim term id and an unknown word a page id', () => {
    expect(termIdOf(table.wordInfo('fishes'))).toBe(0);
    expect(termIdOf(table.wordInfo('zeppelin'))).toBeGreaterThanOrEqual(table.fixed);
    expect(termIdOf(table.wordInfo('the'))).toBe(-1);
  });

  it('flags words that may start an entity alias', () => {
    expect(mayStartAlias(table.wordInfo('blue'))).toBe(true);
    expect(mayStartAlias(table.wordInfo('fish'))).toBe(false);
  });
});

describe('the word cache of createMatcher', () => {
  const page = 'Thousands of fish died in the Blue River after the chemical spill, officials said. The old railway bridge was closed for repairs after inspectors found cracks.';

  it('gives the same result before and after other pages, and after it is emptied', () => {
    const matcher = createMatcher(claims);
    const first = matcher.match(page);
    expect(first.map((a) => a.claimId)).toEqual(['fish-died', 'bridge-closed']);
    // Enough distinct words to pass the cache's limit, so that it starts over between pages.
    for (let n = 0; n < 12; n++) {
      const words = Array.from({ length: 5000 }, (_, i) => `w${n}x${i}`).join(' ');
      matcher.match(`${words}. ${page}`);
    }
    expect(matcher.match(page)).toEqual(first);
  });

  it('gives the same result after its table of plain-letter words fills up and is emptied', () => {
    const matcher = createMatcher(claims);
    const first = matcher.match(page);
    // Made-up words of seven to ten letters a…z, the table's longer keys, 60,000 of them.
    const letters = (i: number) => i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
    for (let n = 0; n < 12; n++) {
      const words = Array.from({ length: 5000 }, (_, i) => `zq${letters(n * 5000 + i + 26 ** 4)}`).join(' ');
      matcher.match(`${words}. ${page}`);
    }
    expect(matcher.match(page)).toEqual(first);
  });
});
