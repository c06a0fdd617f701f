import { describe, expect, it } from 'vitest';
import { analyzeTokens } from '../../lib/match/analyze';
import { compileEntities } from '../../lib/match/entities';
import { createMatcher } from '../../lib/match/matcher';
import { hasNegation, isNegation, negatedTerms, NEGATION_SCOPE_WORDS } from '../../lib/match/negation';
import { tokenize } from '../../lib/match/tokenize';

const mayor = { id: 'mayor', name: 'Mayor Jane Doe', aliases: ['Doe', 'Mayor Doe', 'the mayor'] };

function negated(text: string): string[] {
  const tokens = tokenize(text);
  return [...negatedTerms(text, tokens, analyzeTokens(tokens, compileEntities([mayor])))].sort();
}

describe('negation words', () => {
  it('knows negation words and contractions, straight or curly', () => {
    for (const word of ['not', 'never', 'no', 'nobody', 'without', "didn't", "won't"]) expect(isNegation(word)).toBe(true);
    expect(hasNegation(tokenize('The mayor didn’t open the bridge.'))).toBe(true);
    expect(hasNegation(tokenize('The mayor opened the bridge on Monday.'))).toBe(false);
  });
});

describe('negatedTerms', () => {
  it('gives the terms of the words a negation governs, an entity as its concept', () => {
    expect(negated('The ferry never reached Mayor Jane Doe in time.')).toEqual(['@mayor', 'reach']);
    expect(negated('Harbour fees rose, and the ferry did not stop at the island.')).toEqual(['island', 'stop']);
  });

  it(`stops ${NEGATION_SCOPE_WORDS} words after the negation`, () => {
    expect(negated('Nobody in the harbour office answered our letters.')).not.toContain('letter');
    expect(negated('Nobody answered our letters.')).toContain('letter');
    expect(negated('The harbour office answered every letter.')).toEqual([]);
  });

  it('stops at the end of its clause: a comma, a dash, or a word such as "and" or "but"', () => {
    expect(negated('The city did not close it, and engineers found cracks in the cables.')).toEqual(['close']);
    expect(negated('The city did not close it but engineers found cracks.')).toEqual(['close']);
    expect(negated('The city did not close it \u2014 engineers found cracks.')).toEqual(['close']);
  });
});

describe('the decision with negation', () => {
  const matcher = createMatcher([
    {
      id: 'no-ribbon',
      text: 'Governor Alma Ruiz did not attend the ribbon-cutting ceremony for the Westport ferry terminal.',
      paraphrases: [],
      entities: [],
    },
  ]);
  const marked = (text: string) => matcher.match(text).map((a) => a.claimId);

  it('marks a sentence that states the denial, in its own words', () => {
    expect(marked('Governor Alma Ruiz did not attend the ribbon-cutting ceremony at the Westport ferry terminal.')).toEqual(['no-ribbon']);
    expect(marked('Governor Alma Ruiz skipped the ribbon-cutting ceremony at the Westport ferry terminal, never attending.')).toEqual([
      'no-ribbon',
    ]);
  });

  it('marks a sentence restating the affirmative clause of a claim that denies something else', () => {
    const two = createMatcher([
      { id: 'cracks', text: 'The city did not close it, and engineers found cracks in the steel cables of the harbour bridge last week.', paraphrases: [], entities: [] },
    ]);
    expect(two.match('Engineers found cracks in the steel cables of the harbour bridge last week.').map((a) => a.claimId)).toEqual(['cracks']);
  });

  it('stays silent on a sentence that affirms what the claim denies', () => {
    expect(marked('Governor Alma Ruiz attended the ribbon-cutting ceremony at the Westport ferry terminal.')).toEqual([]);
  });
});
