/**
 * Role order: a sentence that names a claim's two parties the other way
 * round around the same relation says something else.
 *
 * Matching compares terms, not their order, so "Governor Pettibone accused
 * Senator Halvorsen of rigging the auction" covers the claim that Halvorsen
 * accused Pettibone in full, and "Venezuela exports more oil than Norway"
 * the claim that Norway exports more than Venezuela. When a claim names two
 * parties A then B with a relation word between them, and the sentence names
 * B then A with that relation word between them, the decision (decide.ts)
 * stays silent.
 *
 * The rule is kept tight, because a wrong refusal loses a true card: the
 * stretch between the two names, in the claim and in the sentence alike,
 * must be plain words, without "by" or a form of "be" (other than as a
 * passive with its agent, "was accused by Halvorsen", see isPassive), or a relative pronoun (a
 * clause about one party: "Pettibone, who Halvorsen accused"), another
 * capitalised word, or clause punctuation (lists: "Iowa, Florida and Ohio";
 * asides). Each name must occur once in each text, so that the order is
 * not in doubt. Nor may "from" stand in one stretch only: it names a source
 * ("Pettibone denied accusations from Halvorsen" reports the claim that
 * Halvorsen accused Pettibone), so the roles compare only when both texts
 * have it ("Halvorsen took bribes from Pettibone" and its swap). A passive
 * likewise: the swapped names in the other voice say what the claim says
 * ("Pettibone was accused by Halvorsen"), in the same voice they do not.
 */
import { capitalRunEnd } from './name-runs';
import { isStopWord, termOf } from './terms';
import type { Token } from './tokenize';

/** A name in a text: a run of capitalised words, as its folded words other than stop words and numbers. */
export interface NameRun {
  words: ReadonlySet<string>;
  /** Index of its first token. */
  first: number;
  /** Index of its last token. */
  last: number;
}

/** Two parties of a claim wording, `a` named before `b`, and the relation terms between them. */
export interface RoleOrder {
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
  relation: ReadonlySet<string>;
  /** True when the stretch between them compares downward ("less than"): see comparesDownward. */
  downward: boolean;
  /** True when the stretch between them names the second as a source ("from"): see SOURCE. */
  source: boolean;
  /** True when the stretch between them is a passive ("was accused by"): see isPassive. */
  passive: boolean;
}

/** Punctuation between two names that leaves their order in doubt: clauses, asides, lists, quotes. */
const CLAUSE_BREAK = /[,;:()"\u201c\u201d\u2013\u2014]/;

/**
 * Words between two names that leave their roles in doubt: "by" (the
 * passive), forms of "be" and relative pronouns (a clause about the first
 * name rather than a relation between the two).
 */
const GUARD_WORDS: ReadonlySet<string> = new Set(['by', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'that', 'which', 'who', 'whom', 'whose', 'with']);

/**
 * Relations that read the same both ways round ("Okonjo met Brandvik" is
 * "Brandvik met Okonjo"): they give the two names no order, so a swap is
 * no reason for silence. "with" ("signed a treaty with") is a guard word
 * for the same reason.
 */
const SYMMETRIC_TERMS: ReadonlySet<string> = new Set(
  ['met', 'talked', 'spoke', 'married', 'divorced', 'debated', 'negotiated', 'partnered', 'allied', 'clashed', 'fought', 'played', 'tied', 'drew', 'merged']
    .map((word) => termOf(word))
    .filter((term): term is string => term !== null),
);

/**
 * Comparatives that turn a comparison round: "Venezuela exports less oil
 * than Norway" is the claim that Norway exports more than Venezuela. A swap
 * that also turns the comparative round says the same thing.
 */
const DOWNWARD: ReadonlySet<string> = new Set(['less', 'lesser', 'fewer', 'lower', 'smaller']);

/**
 * Comparatives the other way, and negations: a stretch with one of these as
 * well ("exports more oil at a lower price than", "no less than") is not
 * turned round, as far as this rule can tell.
 */
const UPWARD: ReadonlySet<string> = new Set(['more', 'greater', 'higher', 'larger', 'bigger']);
const NEGATION: ReadonlySet<string> = new Set(['no', 'not', 'never']);

/** True when the stretch strictly between `after` and `before` compares downward only, unnegated. */
function comparesDownward(tokens: readonly Token[], after: number, before: number): boolean {
  return holds(tokens, after, before, DOWNWARD) && !holds(tokens, after, before, UPWARD) && !holds(tokens, after, before, NEGATION);
}

/**
 * "from" names the source of a noun ("accusations from Halvorsen"): in one
 * text only, it turns the roles round as a passive does; in both, they
 * compare as they stand. (Not a guard word: a claim with it would then
 * refuse no swap at all, and "Pettibone took bribes from Halvorsen" would
 * carry the card of "Halvorsen took bribes from Pettibone".)
 */
const SOURCE: ReadonlySet<string> = new Set(['from']);

/** Forms of "be" that make a passive with a "by" after them. */
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * True when the stretch strictly between `after` and `before` is a passive
 * whose agent is the second name: a form of "be", then "by" right before
 * that name ("Pettibone was accused by Halvorsen"). Its roles read the other
 * way round from an active stretch, and as they stand against another passive.
 */
function isPassive(tokens: readonly Token[], after: number, before: number): boolean {
  if (before - after < 3 || tokens[before - 1]!.norm !== 'by') return false;
  for (let k = after + 1; k < before - 1; k++) if (BE_FORMS.has(tokens[k]!.norm)) return true;
  return false;
}

/** True when tokens strictly between `after` and `before` hold one of `words`. */
function holds(tokens: readonly Token[], after: number, before: number, words: ReadonlySet<string>): boolean {
  for (let k = after + 1; k < before; k++) if (words.has(tokens[k]!.norm)) return true;
  return false;
}

/**
 * The names of tokens[from, to), in order. A capitalised sentence opener
 * such as "The" is a stop word and makes no name on its own; numbers drop
 * out too ("12 Harbour Pilots" is the name "harbour pilots").
 */
export function nameRuns(tokens: readonly Token[], from = 0, to = tokens.length): NameRun[] {
  const out: NameRun[] = [];
  for (let i = from; i < to; ) {
    const j = capitalRunEnd(tokens, i, to);
    const words = new Set<string>();
    for (let k = i; k < j; k++) if (!isStopWord(tokens[k]!.norm) && !/^\d/.test(tokens[k]!.norm)) words.add(tokens[k]!.norm);
    if (words.size > 0) out.push({ words, first: i, last: j - 1 });
    i = Math.max(j, i + 1);
  }
  return out;
}

/** True when two names share a word: the same party, as far as order goes ("Halvorsen" and "Senator Halvorsen"). */
function sameParty(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const w of a) if (b.has(w)) return true;
  return false;
}

/**
 * The relation terms of the stretch strictly between tokens[after] and
 * tokens[before] of `text`, or null when that stretch leaves roles in
 * doubt (see the module comment). A relation term is a word's term, or
 * "than", a stop word that carries the order of a comparison; symmetric
 * relations (SYMMETRIC_TERMS) are left out, as they give no order.
 */
function relationBetween(text: string, tokens: readonly Token[], after: number, before: number): Set<string> | null {
  if (CLAUSE_BREAK.test(text.slice(tokens[after]!.end, tokens[before]!.start))) return null;
  // A passive's "be" and "by" are no doubt about the roles: isPassive reads them.
  const passive = isPassive(tokens, after, before);
  const terms = new Set<string>();
  for (let k = after + 1; k < before; k++) {
    const t = tokens[k]!;
    if (t.cap || (GUARD_WORDS.has(t.norm) && !(passive && (t.norm === 'by' || BE_FORMS.has(t.norm))))) return null;
    const term = t.norm === 'than' ? 'than' : termOf(t.norm);
    if (term !== null && !SYMMETRIC_TERMS.has(term)) terms.add(term);
  }
  return terms;
}

/** The one name of `runs` that is party `words`, or null when none or several are. */
function onlyRun(runs: readonly NameRun[], words: ReadonlySet<string>): NameRun | null {
  let found: NameRun | null = null;
  for (const run of runs) {
    if (!sameParty(run.words, words)) continue;
    if (found) return null;
    found = run;
  }
  return found;
}

/**
 * The ordered party pairs of a claim wording (`tokens` of `text`): each two
 * distinct names that occur once each, joined by a plain stretch holding
 * some relation term. Most wordings have none.
 */
export function roleOrders(text: string, tokens: readonly Token[]): RoleOrder[] {
  const runs = nameRuns(tokens);
  const out: RoleOrder[] = [];
  for (let i = 0; i < runs.length; i++) {
    const a = runs[i]!;
    if (onlyRun(runs, a.words) !== a) continue;
    for (let j = i + 1; j < runs.length; j++) {
      const b = runs[j]!;
      if (sameParty(a.words, b.words) || onlyRun(runs, b.words) !== b) continue;
      const relation = relationBetween(text, tokens, a.last, b.first);
      if (relation !== null && relation.size > 0) out.push({ a: a.words, b: b.words, relation, downward: comparesDownward(tokens, a.last, b.first), source: holds(tokens, a.last, b.first, SOURCE), passive: isPassive(tokens, a.last, b.first) });
    }
  }
  return out;
}

/**
 * True when the sentence (`tokens` of `text`, whose names are `runs`, from
 * nameRuns) names the parties of one of `orders` once each, the second
 * before the first, joined by a plain stretch that shares a relation term
 * with the claim's, compares the same way (comparesDownward) and names a source
 * alike (SOURCE).
 */
export function rolesReversed(orders: readonly RoleOrder[], text: string, tokens: readonly Token[], runs: readonly NameRun[]): boolean {
  for (const { a, b, relation, downward, source, passive } of orders) {
    const sa = onlyRun(runs, a);
    const sb = onlyRun(runs, b);
    if (!sa || !sb || sa === sb || sb.last >= sa.first) continue;
    if (comparesDownward(tokens, sb.last, sa.first) !== downward || holds(tokens, sb.last, sa.first, SOURCE) !== source) continue;
    // Swapped names in the other voice say what the claim says ("Pettibone was accused by Halvorsen").
    if (isPassive(tokens, sb.last, sa.first) !== passive) continue;
    const between = relationBetween(text, tokens, sb.last, sa.first);
    if (between !== null && [...between].some((term) => relation.has(term))) return true;
  }
  return false;
}
