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
 * passive with its agent, "was accused by Halvorsen", see BE_FORMS), or a relative pronoun (a
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

/** What the words between two names say about their roles (readStretch). */
export interface Stretch {
  /** The relation terms, or null when the stretch leaves the roles in doubt. */
  relation: ReadonlySet<string> | null;
  /** True when it compares downward only, unnegated ("less than"): see DOWNWARD. */
  downward: boolean;
  /** True when it names the second as a source ("from"): see SOURCE. */
  source: boolean;
  /** True when it is a passive with the second name as agent ("was accused by"): see BE_FORMS. */
  passive: boolean;
}

/** Two parties of a claim wording, `a` named before `b`, and the stretch between them (its relation never empty). */
export interface RoleOrder extends Stretch {
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
  relation: ReadonlySet<string>;
}

/** Punctuation between two names that leaves their order in doubt: clauses, asides, lists, quotes. */
const CLAUSE_BREAK = /[,;:()"\u201c\u201d\u2013\u2014]/;

/**
 * Words between two names that leave their roles in doubt: relative
 * pronouns (a clause about the first name rather than a relation between
 * the two) and "with" (see SYMMETRIC_TERMS). "by" and forms of "be" do too,
 * unless they make a passive (BE_FORMS).
 */
const GUARD_WORDS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'whose', 'with']);

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

/**
 * "from" names the source of a noun ("accusations from Halvorsen"): in one
 * text only, it turns the roles round as a passive does; in both, they
 * compare as they stand. (Not a guard word: a claim with it would then
 * refuse no swap at all, and "Pettibone took bribes from Halvorsen" would
 * carry the card of "Halvorsen took bribes from Pettibone".)
 */
const SOURCE: ReadonlySet<string> = new Set(['from']);

/**
 * Forms of "be": with "by" right before the second name they make a passive
 * whose agent is that name ("Pettibone was accused by Halvorsen"). Its roles
 * read the other way round from an active stretch, and as they stand
 * against another passive. Elsewhere they, and "by", leave roles in doubt.
 */
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * Reads the stretch strictly between tokens[after] and tokens[before] of
 * `text` in one walk. A relation term is a word's term, or "than", a stop
 * word that carries the order of a comparison; symmetric relations
 * (SYMMETRIC_TERMS) are left out, as they give no order.
 */
function readStretch(text: string, tokens: readonly Token[], after: number, before: number): Stretch {
  const terms = new Set<string>();
  let doubt = CLAUSE_BREAK.test(text.slice(tokens[after]!.end, tokens[before]!.start));
  let byOrBe = false;
  let beBeforeLast = false;
  let down = false;
  let up = false;
  let negated = false;
  let source = false;
  for (let k = after + 1; k < before; k++) {
    const t = tokens[k]!;
    const w = t.norm;
    if (t.cap || GUARD_WORDS.has(w)) doubt = true;
    if (w === 'by' || BE_FORMS.has(w)) {
      byOrBe = true;
      if (BE_FORMS.has(w) && k < before - 1) beBeforeLast = true;
    }
    down ||= DOWNWARD.has(w);
    up ||= UPWARD.has(w);
    negated ||= NEGATION.has(w);
    source ||= SOURCE.has(w);
    const term = w === 'than' ? 'than' : termOf(w);
    if (term !== null && !SYMMETRIC_TERMS.has(term)) terms.add(term);
  }
  const passive = before - after >= 3 && tokens[before - 1]!.norm === 'by' && beBeforeLast;
  // A passive's "be" and "by" are no doubt about the roles.
  if (byOrBe && !passive) doubt = true;
  return { relation: doubt ? null : terms, downward: down && !up && !negated, source, passive };
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
      const { relation, ...stretch } = readStretch(text, tokens, a.last, b.first);
      if (relation !== null && relation.size > 0) out.push({ a: a.words, b: b.words, relation, ...stretch });
    }
  }
  return out;
}

/**
 * True when the sentence (`tokens` of `text`, whose names are `runs`, from
 * nameRuns) names the parties of one of `orders` once each, the second
 * before the first, joined by a plain stretch that shares a relation term
 * with the claim's, compares the same way (DOWNWARD), names a source
 * alike (SOURCE) and has the same voice (BE_FORMS).
 */
export function rolesReversed(orders: readonly RoleOrder[], text: string, tokens: readonly Token[], runs: readonly NameRun[]): boolean {
  for (const { a, b, relation, downward, source, passive } of orders) {
    const sa = onlyRun(runs, a);
    const sb = onlyRun(runs, b);
    if (!sa || !sb || sa === sb || sb.last >= sa.first) continue;
    const between = readStretch(text, tokens, sb.last, sa.first);
    // Swapped names in the other voice, or around "from" in one text only, or a comparative turned round, say what the claim says.
    if (between.downward !== downward || between.source !== source || between.passive !== passive) continue;
    if (between.relation !== null && [...between.relation].some((term) => relation.has(term))) return true;
  }
  return false;
}
