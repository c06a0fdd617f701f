import { describe, expect, it } from 'vitest';
import type { MatchableClaim } from '../../lib/claims/runtime-types';
import { analyzeTokens } from '../../lib/match/analyze';
import { compileEntities } from '../../lib/match/entities';
import { createMatcher } from '../../lib/match/matcher';
import { nameGroups, NO_GROUP } from '../../lib/match/name-runs';
import { tokenize } from '../../lib/match/tokenize';

/** Each term of `text` with its group, as the term's text, or null. */
function groupsOf(text: string): Record<string, string | null> {
  const tokens = tokenize(text);
  const analysis = analyzeTokens(tokens, compileEntities([])).terms;
  const terms = [...analysis.keys()];
  const groups = nameGroups(tokens, analysis);
  return Object.fromEntries(terms.map((term, t) => [term, groups[t] === NO_GROUP ? null : terms[groups[t]!]!]));
}

describe('nameGroups', () => {
  it('groups each run of capitalised words, and nothing else', () => {
    const g = groupsOf('The board said Director Anna Maria Verhoeven moved the archive to New Haven.');
    expect(g['anna']).toBe(g['director']);
    expect(g['maria']).toBe(g['director']);
    expect(g['verhoeven']).toBe(g['director']);
    expect(g['director']).not.toBeNull();
    expect(g['haven']).toBe(g['new']);
    expect(g['haven']).not.toBeNull();
    expect(g['haven']).not.toBe(g['director']);
    expect(g['board']).toBeNull();
    expect(g['move']).toBeNull();
    expect(g['archiv']).toBeNull();
  });

  it('ends a name at a comma, and keeps a hyphenated name whole', () => {
    const g = groupsOf('Residents of Lyon, Marseille and Jean-Claude Martin disagree.');
    expect(g['lyon']).toBeNull();
    expect(g['marseil']).toBeNull();
    expect(g['jean']).toBe(g['claud']);
    expect(g['martin']).toBe(g['jean']);
    expect(g['jean']).not.toBeNull();
  });

  it('leaves a headline in title case alone', () => {
    const g = groupsOf('Governor Castillo Says The State Will Raise Fuel Taxes Next Year');
    expect(Object.values(g).every((group) => group === null)).toBe(true);
  });
});

describe('the decision counts at most two words of one name', () => {
  // Invented claims, none declaring key entities (as imported packs mostly do not).
  const filler: MatchableClaim[] = [
    'The city council approved a new budget for road repairs.',
    'Teachers in the district went on strike over pay.',
    'The state lottery raised less money than it promised schools.',
    'Flooding closed the main highway for three days.',
  ].map((text, i) => ({ id: `filler-${i}`, text, paraphrases: [], entities: [] }));
  const claimText = 'Governor Maria Elena Castillo skipped the Springfield vote.';
  const matcherFor = (text: string) => createMatcher([...filler, { id: 'castillo', text, paraphrases: [], entities: [] }]);
  const nameOnly = 'On Monday, Governor Maria Elena Castillo visited Springfield to open a school.';
  const saysIt = 'Records show that Governor Maria Elena Castillo skipped the vote in Springfield.';

  it('does not mark a sentence that shares little but a long name', () => {
    expect(matcherFor(claimText).match(nameOnly)).toEqual([]);
  });

  it('marks it when the name is not written as one (so the name is what held it back)', () => {
    expect(matcherFor(claimText.toLowerCase()).match(nameOnly).map((a) => a.claimId)).toEqual(['castillo']);
  });

  it('still marks a sentence that says the claim about the named person', () => {
    expect(matcherFor(claimText).match(saysIt).map((a) => a.claimId)).toEqual(['castillo']);
  });
});
