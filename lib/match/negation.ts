/**
 * Negation: a claim that denies something is not carried by a sentence
 * that affirms it.
 *
 * Claims in packs are often denials or statements of absence ("the
 * president did not attend the wreath-laying ceremony", "Cruz never denied
 * his father was photographed with Oswald"). Matching compares terms, not
 * polarity, so a sentence that affirms the very words the claim negates
 * ("we laid a wreath at the ceremony") covers the claim well while saying
 * something else. When the claim negates a term the sentence shares and the
 * sentence negates nothing, the decision (decide.ts) stays silent.
 *
 * Only this direction is tested: a sentence that negates what a claim
 * affirms ("the army is not sending texts about a draft") is most often a
 * report or a denial of that very claim, where its card belongs.
 *
 * Scope is the words right after a negation word, as in NegEx (Chapman et
 * al., 2001), which looks a fixed few words ahead: the verb phrase it
 * negates in plain prose.
 */
import { entityTerm, type Analysis } from './analyze';
import { termOf } from './terms';
import type { Token } from './tokenize';

/**
 * How many words after a negation word it governs. Five, NegEx's scope,
 * fixed beforehand rather than tuned; measured on the CheckThat! training
 * sentences and tweets, three or four words drop the same wrong marks and
 * one right mark fewer (see decide.ts).
 */
export const NEGATION_SCOPE_WORDS = 5;

const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nor', 'neither', 'nobody', 'nothing', 'none', 'nowhere', 'cannot', 'without']);

/** True for a negation word, contractions included ("didn't", "won't"); compared on the folded form. */
export function isNegation(norm: string): boolean {
  return NEGATION_WORDS.has(norm) || norm.endsWith("n't");
}

/** True when tokens[from, to) hold a negation word. */
export function hasNegation(tokens: readonly Token[], from = 0, to = tokens.length): boolean {
  for (let i = from; i < to; i++) if (isNegation(tokens[i]!.norm)) return true;
  return false;
}

/** Punctuation between two words that ends a clause, and with it a negation's scope. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;
/** Words that start a new clause, where a negation's scope ends too (NegEx's termination terms). */
const CLAUSE_WORDS: ReadonlySet<string> = new Set(['and', 'but', 'while', 'however', 'although', 'though', 'whereas', 'yet', 'because']);

/**
 * The terms of `analysis` (made from `tokens` of `text`) that some negation
 * word governs: those of the NEGATION_SCOPE_WORDS words after it, up to the end
 * of its clause (a comma, semicolon, colon, dash or bracket, or a word such
 * as "and" or "but"), an entity's concept term for a word inside an entity
 * mention. "The city did not close it, and engineers found cracks" negates
 * "close", not "engineers" or "found".
 */
export function negatedTerms(text: string, tokens: readonly Token[], analysis: Analysis): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isNegation(tokens[i]!.norm)) continue;
    const end = Math.min(tokens.length, i + 1 + NEGATION_SCOPE_WORDS);
    for (let j = i + 1; j < end; j++) {
      if (CLAUSE_BREAK.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)) || CLAUSE_WORDS.has(tokens[j]!.norm)) break;
      const hit = analysis.entityHits.find((h) => h.first <= j && j <= h.last);
      const term = hit ? entityTerm(hit.entityId) : termOf(tokens[j]!.norm);
      if (term !== null && analysis.terms.has(term)) out.add(term);
    }
  }
  return out;
}
