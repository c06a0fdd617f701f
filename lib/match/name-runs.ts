/**
 * Names written as several words: "Prime Minister Benjamin Netanyahu" is
 * one name, not four distinctive words.
 *
 * The decision (decide.ts) asks a sentence to share a few informative
 * terms with a claim, so that a couple of shared names is not taken for a
 * claim. A pack's key entities already count once each (analyze.ts), but
 * most imported claims declare none, and then every word of a long name
 * counted apart: a sentence that only named "Prime Minister Benjamin
 * Netanyahu" met the minimum on the name alone. Here a run of two or more
 * capitalised words in a wording becomes one group, of which the decision
 * counts at most NAME_WORDS_COUNTED words.
 *
 * Only the counts change: coverage and focus still weigh every word, so
 * ranking is untouched and a sentence that says the claim still passes on
 * its other words.
 */
import { isEntityTerm } from './analyze';
import type { Token } from './tokenize';

/**
 * True for a wording in title case ("Obama Says He Will Raise Taxes on the
 * Rich"), where capitals mark no name and grouping would fold the whole
 * claim into one term: no word of four letters or more is in lower case
 * (title case leaves only short words such as "on" and "the" in lower case).
 */
function isTitleCase(tokens: readonly Token[]): boolean {
  return !tokens.some((t) => !t.cap && t.norm.length >= 4 && /^\p{Ll}/u.test(t.norm));
}

/**
 * Words of one name that the decision counts: two, as many as a first and
 * a last name. Chosen on the CheckThat! training pairs (2A and 2B train,
 * the decision's marks against the gold): counting a name once lost 17 of
 * the 238 right marks there (names such as "Kim Kardashian" and "Kanye
 * West" are what many claims are about) for 14 of the 51 wrong ones; two
 * lost no right mark and removed 3 wrong ones; three changed nothing.
 */
export const NAME_WORDS_COUNTED = 2;

/**
 * The end (exclusive) of the run of capitalised words that starts at
 * tokens[i], at most `to`; i itself when tokens[i] is not capitalised. A
 * run is capitalised words joined by a space or a hyphen: a comma or a
 * full stop ends a name.
 */
export function capitalRunEnd(tokens: readonly Token[], i: number, to = tokens.length): number {
  let j = i;
  while (j < to && tokens[j]!.cap && (j === i || tokens[j]!.start - tokens[j - 1]!.end <= 1)) j++;
  return j;
}

/** No group: the term counts on its own. */
export const NO_GROUP = -1;

/**
 * The name group of each of a wording's terms, in the order of `terms`
 * (each term and the index of its first token, as analyzeTokens gives
 * them): the index in that order of the group's first term, or NO_GROUP
 * for a term outside any run of two or more capitalised words joined by a
 * space or a hyphen, and for an entity concept, which counts once already
 * and never as a distinctive word.
 */
export function nameGroups(tokens: readonly Token[], terms: ReadonlyMap<string, number>): Int32Array {
  const groups = new Int32Array(terms.size).fill(NO_GROUP);
  if (isTitleCase(tokens)) return groups;
  // runStart[i]: the first token of the capitalised run through token i (-1 outside runs of two or more).
  const runStart = new Int32Array(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length; ) {
    const j = capitalRunEnd(tokens, i);
    if (j - i >= 2) runStart.fill(i, i, j);
    i = Math.max(j, i + 1);
  }
  const firstTermOfRun = new Map<number, number>();
  let t = 0;
  for (const [term, token] of terms) {
    const run = isEntityTerm(term) ? -1 : runStart[token]!;
    if (run >= 0) {
      if (!firstTermOfRun.has(run)) firstTermOfRun.set(run, t);
      groups[t] = firstTermOfRun.get(run)!;
    }
    t++;
  }
  return groups;
}
