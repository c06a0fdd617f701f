import { describe, expect, it } from 'vitest';
import { SENSITIVITY_OPTIONS } from '../../lib/background/sensitivity';
import type { MatchableClaim } from '../../lib/claims/runtime-types';
import { createMatcher } from '../../lib/match/matcher';
import { nameRuns, roleOrders, rolesReversed } from '../../lib/match/role-order';
import { tokenize } from '../../lib/match/tokenize';

/** True when `sentence` names the two parties of `claim` in swapped order around the same relation. */
function reversed(claim: string, sentence: string): boolean {
  const orders = roleOrders(claim, tokenize(claim));
  const tokens = tokenize(sentence);
  return rolesReversed(orders, sentence, tokens, nameRuns(tokens));
}

describe('nameRuns', () => {
  it('gives each run of capitalised words, without stop words and numbers, and drops a capitalised opener alone', () => {
    const runs = nameRuns(tokenize('The council said Mayor Ines Okafor met 12 Harbour Pilots in Leith.'));
    expect(runs.map((r) => [...r.words])).toEqual([['mayor', 'ines', 'okafor'], ['harbour', 'pilots'], ['leith']]);
  });

  it('reads only the tokens it is given', () => {
    const tokens = tokenize('Marta Quill spoke. Then Oskar Brandt left early.');
    expect(nameRuns(tokens, 3).map((r) => [...r.words])).toEqual([['oskar', 'brandt']]);
  });
});

describe('roleOrders', () => {
  it('pairs two distinct names joined by a plain relation', () => {
    const text = 'Senator Halvorsen accused Governor Pettibone of rigging the timber auction.';
    const [order, ...rest] = roleOrders(text, tokenize(text));
    expect(rest).toEqual([]);
    expect([...order!.a]).toEqual(['senator', 'halvorsen']);
    expect([...order!.b]).toEqual(['governor', 'pettibone']);
    expect([...order!.relation]).toEqual(['accus']);
  });

  it('pairs the names of a passive as a passive', () => {
    const text = 'Governor Pettibone was accused by Senator Halvorsen of rigging the auction.';
    const [order, ...rest] = roleOrders(text, tokenize(text));
    expect(rest).toEqual([]);
    expect([[...order!.a], [...order!.b], order!.passive]).toEqual([['governor', 'pettibone'], ['senator', 'halvorsen'], true]);
    // A "by" that does not stand right before the second name leaves the roles in doubt, as before.
    const other = 'Governor Pettibone was praised by voters in Senator Halvorsen county.';
    expect(roleOrders(other, tokenize(other))).toEqual([]);
  });

  it('pairs nothing across "by", a guard word, a clause break, another name, or with no relation term', () => {
    const none = (text: string) => expect(roleOrders(text, tokenize(text))).toEqual([]);
    none('Dalby Mills, which owns Fenwick Yard, sold timber last year.');
    none('Dalby Mills sued, and Fenwick Yard paid timber fees.');
    none('Iowa and Ohio planted more soybeans last year.');
    none('Iowa, Florida and Ohio planted more soybeans last year.');
    none('Halvorsen accused Halvorsen Timber of rigging the auction.'); // the names share a word
    none('Halvorsen accused Pettibone, and Pettibone sued Halvorsen.'); // each name twice
  });
});

describe('rolesReversed', () => {
  const accusation = 'Senator Halvorsen accused Governor Pettibone of rigging the timber auction.';
  const exports = 'Norway exports more crude oil than Venezuela every year.';

  it('is true for the two parties swapped around the same relation', () => {
    expect(reversed(accusation, 'Governor Pettibone accused Senator Halvorsen of rigging the timber auction.')).toBe(true);
    expect(reversed(accusation, 'On Friday Pettibone accused Halvorsen of rigging it.')).toBe(true);
    expect(reversed(exports, 'Venezuela exports more crude oil than Norway every year.')).toBe(true);
  });

  it('is false for the same order, the passive, another relation, or a clause between', () => {
    expect(reversed(accusation, 'Senator Halvorsen accused Governor Pettibone of rigging the timber auction.')).toBe(false);
    expect(reversed(accusation, 'Governor Pettibone was accused by Senator Halvorsen of rigging the timber auction.')).toBe(false);
    expect(reversed(accusation, 'Governor Pettibone thanked Senator Halvorsen for the timber auction.')).toBe(false);
    expect(reversed(accusation, 'Governor Pettibone, who Senator Halvorsen accused of rigging the auction, resigned.')).toBe(false);
    expect(reversed(exports, 'Venezuela, unlike Norway, exports more crude oil every year.')).toBe(false);
  });

  it('is true for a swap around "from" when the claim names its parties around "from" too', () => {
    // "from" marks the source in both texts alike: the roles compare, and the swap reverses them.
    const bribes = 'Senator Halvorsen took bribes from Governor Pettibone during the timber auction.';
    expect(reversed(bribes, 'Governor Pettibone took bribes from Senator Halvorsen during the timber auction.')).toBe(true);
  });

  it('is false when only one of the two texts names a party after "from"', () => {
    const faced = 'Governor Pettibone faced accusations from Senator Halvorsen of rigging the timber auction.';
    expect(reversed(faced, 'Senator Halvorsen accused Governor Pettibone of rigging the timber auction.')).toBe(false);
    expect(reversed(accusation, 'Governor Pettibone denied accusations from Senator Halvorsen of rigging the timber auction.')).toBe(false);
  });

  it('is true for a passive claim whose passive sentence swaps the two, and false for the same claim in the active voice', () => {
    const passive = 'Governor Pettibone was accused by Senator Halvorsen of rigging the timber auction.';
    expect(reversed(passive, 'Senator Halvorsen was accused by Governor Pettibone of rigging the timber auction.')).toBe(true);
    expect(reversed(passive, 'Senator Halvorsen accused Governor Pettibone of rigging the timber auction.')).toBe(false);
    expect(reversed(passive, 'Governor Pettibone was accused by Senator Halvorsen of rigging the timber auction.')).toBe(false);
  });

  it('is false for a relation that reads the same both ways round', () => {
    const meeting = 'Chancellor Brandvik met Premier Okonjo secretly in Lisbon to discuss the fishing treaty.';
    expect(reversed(meeting, 'Premier Okonjo met Chancellor Brandvik secretly in Lisbon to discuss the fishing treaty.')).toBe(false);
    const treaty = 'Norway signed a fishing treaty with Iceland in the spring.';
    expect(reversed(treaty, 'Iceland signed a fishing treaty with Norway in the spring.')).toBe(false);
  });

  it('is false when the sentence names a party twice, or names only one', () => {
    expect(reversed(accusation, 'Pettibone accused Halvorsen, and Halvorsen accused Pettibone of rigging the auction.')).toBe(false);
    expect(reversed(accusation, 'Governor Pettibone accused the senator of rigging the timber auction.')).toBe(false);
  });
});

describe('the decision with role order', () => {
  const claims: MatchableClaim[] = [
    { id: 'accused', text: 'Senator Halvorsen accused Governor Pettibone of rigging the timber auction.', paraphrases: [], entities: [] },
    { id: 'exports', text: 'Norway exports more crude oil than Venezuela every year.', paraphrases: [], entities: [] },
    { id: 'meeting', text: 'Chancellor Brandvik met Premier Okonjo secretly in Lisbon to discuss the fishing treaty.', paraphrases: [], entities: [] },
    { id: 'soy', text: 'Iowa, Florida and Ohio planted record soybean acreage in the drought summer.', paraphrases: [], entities: [] },
  ];
  const matcher = createMatcher(claims);
  const marked = (text: string) => matcher.match(text).map((a) => a.claimId);

  it('stays silent on a sentence that swaps who accused whom', () => {
    expect(marked('Governor Pettibone accused Senator Halvorsen of rigging the timber auction.')).toEqual([]);
  });

  it('stays silent on a sentence that swaps who took bribes from whom', () => {
    // The claim names its source after "from" as the sentence does: the swap is the reverse claim.
    const bribes = createMatcher([{ id: 'bribes', text: 'Senator Halvorsen took bribes from Governor Pettibone during the timber auction.', paraphrases: [], entities: [] }]);
    const marked = (text: string) => bribes.match(text).map((a) => a.claimId);
    expect(marked('Governor Pettibone took bribes from Senator Halvorsen during the timber auction.')).toEqual([]);
    expect(marked('Senator Halvorsen took bribes from Governor Pettibone during the timber auction.')).toEqual(['bribes']);
  });

  it('stays silent on a sentence that swaps the two sides of a comparison', () => {
    expect(marked('Venezuela exports more crude oil than Norway every year.')).toEqual([]);
  });

  it('stays silent on a swapped comparison whose downward word does not turn it round ("more … at a lower price", "no less")', () => {
    // Each still says Venezuela exports at least as much as Norway: the reverse of the claim.
    expect(marked('Venezuela exports more crude oil at a lower price than Norway every year.')).toEqual([]);
    expect(marked('Venezuela exports no less crude oil than Norway every year.')).toEqual([]);
  });

  it('still marks a comparison whose swap turns the comparative round too (the same claim)', () => {
    expect(marked('Venezuela exports less crude oil than Norway every year.')).toEqual(['exports']);
    expect(marked('Venezuela exports fewer barrels of crude oil than Norway every year.')).toEqual(['exports']);
  });

  it('still marks the same order and the passive', () => {
    expect(marked('Senator Halvorsen accused Governor Pettibone of rigging the timber auction.')).toEqual(['accused']);
    expect(marked('Governor Pettibone was accused by Senator Halvorsen of rigging the timber auction.')).toEqual(['accused']);
    expect(marked('Norway exports more crude oil than Venezuela every year.')).toEqual(['exports']);
  });

  it('still marks a denial of the accusations, which names the accuser after "from"', () => {
    // The card is for exactly this: who denied the claim.
    expect(marked('Governor Pettibone denied accusations from Senator Halvorsen of rigging the timber auction.')).toEqual(['accused']);
    expect(marked('Governor Pettibone hit back at accusations from Senator Halvorsen of rigging the timber auction.')).toEqual(['accused']);
  });

  it('still marks a meeting told the other way round', () => {
    expect(marked('Premier Okonjo met Chancellor Brandvik secretly in Lisbon to discuss the fishing treaty.')).toEqual(['meeting']);
  });

  it('still marks a list in another order', () => {
    expect(marked('Ohio, Florida and Iowa planted record soybean acreage in the drought summer.')).toEqual(['soy']);
    expect(marked('Florida, Ohio and Iowa planted record soybean acreage in the drought summer.')).toEqual(['soy']);
  });

  it('refuses the swap under the thorough preset too, which still marks the same order', () => {
    const thorough = createMatcher(claims, SENSITIVITY_OPTIONS.thorough);
    expect(thorough.match('Governor Pettibone accused Senator Halvorsen of rigging the timber auction.')).toEqual([]);
    expect(thorough.match('Senator Halvorsen accused Governor Pettibone of rigging the timber auction.').map((a) => a.claimId)).toEqual(['accused']);
  });
});
