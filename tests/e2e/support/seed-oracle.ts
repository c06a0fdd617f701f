/**
 * The seed article's acceptance oracle (../shared/fixtures/seed-article/
 * expected.json), applied to what a browser shows. Pure functions over page
 * snapshots, so both browser suites judge by exactly the same rules:
 *
 * 1. Texts are compared after collapsing every run of Unicode white space to
 *    one space (JS `\s`, which includes no-break spaces).
 * 2. Overlap is positional. Each mention is located in the collapsed text of
 *    a block (the nearest ancestor not laid out inline, e.g. a <p> or <h1>);
 *    each mark has an offset range in its block's text. A mark overlaps a
 *    mention when the two ranges share at least one letter or digit, so a
 *    mark may stop at inline markup (a sentence split by a link carries
 *    several marks) but may not borrow a word from the next sentence.
 * 3. A highlight split by inline markup is several marks: marks in one block
 *    with the same ids and only white space between them form one highlight.
 *    A mark that overlaps no mention itself is judged by the mentions its
 *    highlight overlaps (e.g. "Chuck Schumer", the link in a sentence whose
 *    mention starts at the quote after it).
 * 4. A mark is a false positive when it is outside the article or in an
 *    excluded region, carries no claim ids, overlaps no mention (neither it
 *    nor its highlight), or carries an id that a mention it overlaps does
 *    not list.
 * 5. A required mention is highlighted when some mark overlapping it carries
 *    one of the mention's claims.
 */
import { readFileSync } from 'node:fs';
import type { MarkInfo, PageSnapshot } from './page-scripts';
import { seedExpectedPath } from './paths';

export interface ExpectedClaim {
  id: string;
  claim: string;
  assertedBy: string[];
  deniedBy: string[];
}

export interface ExpectedMention {
  text: string;
  claims: string[];
  required: boolean;
}

export interface Expected {
  rules: string[];
  claims: ExpectedClaim[];
  mentions: ExpectedMention[];
}

export function loadExpected(): Expected {
  return JSON.parse(readFileSync(seedExpectedPath, 'utf8')) as Expected;
}

/** Collapses every run of Unicode white space to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Where a mention's text was found: block index and offsets in its collapsed text. */
interface Location {
  block: number;
  start: number;
  end: number;
}

export interface MarkVerdict {
  mark: MarkInfo;
  /** Why it is a false positive; empty when the mark is correct. */
  problems: string[];
}

export interface HighlightReport {
  marks: MarkVerdict[];
  falsePositives: MarkVerdict[];
  /** Marks outside the article or inside nav, aside, footer or comments. */
  outsideArticle: MarkInfo[];
  required: { mention: ExpectedMention; highlighted: boolean; marks: MarkInfo[] }[];
  /** Mentions whose text is nowhere in the page (the page text was altered?). */
  unlocated: ExpectedMention[];
}

const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function locate(snapshot: PageSnapshot, text: string): Location[] {
  const needle = collapse(text);
  const found: Location[] = [];
  snapshot.blocks.forEach((block, index) => {
    for (let at = block.text.indexOf(needle); at !== -1; at = block.text.indexOf(needle, at + 1)) {
      found.push({ block: index, start: at, end: at + needle.length });
    }
  });
  // Prefer occurrences inside the article; the same words in a sidebar are not the mention.
  const inArticle = found.filter((loc) => snapshot.blocks[loc.block]?.inArticle);
  return inArticle.length ? inArticle : found;
}

function overlaps(snapshot: PageSnapshot, mark: MarkInfo, loc: Location): boolean {
  if (mark.block !== loc.block || mark.start < 0) return false;
  const from = Math.max(mark.start, loc.start);
  const to = Math.min(mark.end, loc.end);
  return to > from && /[\p{L}\p{N}]/u.test(snapshot.blocks[loc.block]!.text.slice(from, to));
}

/** Groups marks into highlights (rule 3); maps each mark to its highlight's marks. */
function highlightsOf(snapshot: PageSnapshot): Map<MarkInfo, MarkInfo[]> {
  const byMark = new Map<MarkInfo, MarkInfo[]>();
  let current: MarkInfo[] = [];
  for (const mark of snapshot.marks) {
    const prev = current.at(-1);
    const joins =
      prev !== undefined &&
      mark.block >= 0 &&
      prev.block === mark.block &&
      prev.ids.join(' ') === mark.ids.join(' ') &&
      mark.start >= prev.end &&
      snapshot.blocks[mark.block]!.text.slice(prev.end, mark.start).trim() === '';
    if (!joins) current = [];
    current.push(mark);
    byMark.set(mark, current);
  }
  return byMark;
}

/** Judges every mark and every required mention of the snapshot against the oracle. */
export function judgeHighlights(snapshot: PageSnapshot, expected: Expected): HighlightReport {
  const located = expected.mentions.map((mention) => ({ mention, locations: locate(snapshot, mention.text) }));
  const overlapping = (marks: MarkInfo[]) =>
    located.filter(({ locations }) => locations.some((loc) => marks.some((mark) => overlaps(snapshot, mark, loc))));
  const highlights = highlightsOf(snapshot);
  const marks = snapshot.marks.map((mark): MarkVerdict => {
    const problems: string[] = [];
    if (!mark.inArticle) problems.push('outside <article>');
    if (mark.region) problems.push(`inside ${mark.region}`);
    if (mark.ids.length === 0) problems.push('data-claim-ids is empty');
    let hit = overlapping([mark]);
    if (hit.length === 0) hit = overlapping(highlights.get(mark) ?? [mark]);
    if (hit.length === 0) {
      problems.push('overlaps no mention');
    } else {
      for (const id of mark.ids) {
        const refusing = hit.filter(({ mention }) => !mention.claims.includes(id));
        for (const { mention } of refusing) {
          problems.push(`carries "${id}", which mention "${short(mention.text, 60)}" does not list (it lists ${mention.claims.join(', ')})`);
        }
      }
    }
    return { mark, problems };
  });
  const required = located
    .filter(({ mention }) => mention.required)
    .map(({ mention, locations }) => {
      const by = snapshot.marks.filter(
        (mark) => mark.ids.some((id) => mention.claims.includes(id)) && locations.some((loc) => overlaps(snapshot, mark, loc)),
      );
      return { mention, highlighted: by.length > 0, marks: by };
    });
  return {
    marks,
    falsePositives: marks.filter((verdict) => verdict.problems.length > 0),
    outsideArticle: snapshot.marks.filter((mark) => !mark.inArticle || mark.region !== null),
    required,
    unlocated: located.filter(({ locations }) => locations.length === 0).map(({ mention }) => mention),
  };
}

/** Lines describing marks, for failure messages. */
export function describeMarks(marks: MarkInfo[]): string {
  return marks.map((m) => `  #${m.index} [${m.ids.join(' ')}] "${short(m.text)}"`).join('\n');
}

export function describeFalsePositives(verdicts: MarkVerdict[]): string {
  return verdicts
    .map(({ mark, problems }) => `  #${mark.index} [${mark.ids.join(' ')}] "${short(mark.text)}"\n    - ${problems.join('\n    - ')}`)
    .join('\n');
}

export function describeMissing(report: HighlightReport): string {
  return report.required
    .filter((r) => !r.highlighted)
    .map((r) => `  - "${short(r.mention.text, 120)}" (any of: ${r.mention.claims.join(', ')})`)
    .join('\n');
}

/**
 * What the card text lacks for `claim`: the claim's text, the group headings
 * where a group is expected, and each expected actor (case-insensitive
 * substring) inside the right group. The claim's own text is taken out first,
 * so "Trump" in "Trump aides were…" does not count as naming Trump; a group
 * runs from its heading to the next heading.
 */
export function cardProblems(cardText: string, claim: ExpectedClaim): string[] {
  const text = collapse(cardText).toLowerCase();
  const claimText = collapse(claim.claim).toLowerCase();
  const problems: string[] = [];
  if (!text.includes(claimText)) problems.push(`claim text missing: "${claim.claim}"`);
  const groups: Record<'asserted by' | 'denied by', string[]> = { 'asserted by': [], 'denied by': [] };
  const parts = text.split(claimText).join(' | ').split(/(asserted by|denied by)/);
  for (let i = 1; i < parts.length; i += 2) groups[parts[i] as keyof typeof groups].push(parts[i + 1] ?? '');
  const check = (actors: string[], heading: keyof typeof groups, label: string) => {
    if (actors.length && groups[heading].length === 0) problems.push(`heading "${label}" missing`);
    for (const actor of actors) {
      const name = actor.toLowerCase();
      if (groups[heading].some((group) => group.includes(name))) continue;
      const elsewhere = parts.some((part) => part.includes(name));
      problems.push(`"${actor}" not named under "${label}"${elsewhere ? ' (named elsewhere on the card)' : ''}`);
    }
  };
  check(claim.assertedBy, 'asserted by', 'Asserted by');
  check(claim.deniedBy, 'denied by', 'Denied by');
  return problems;
}

/**
 * The page's annotated sentences as `claimId<TAB>text`: runs of marks with
 * one claim id in one block, joined where only white space separates them
 * (a sentence split by inline elements carries several marks).
 */
export function annotatedRuns(snapshot: PageSnapshot): Set<string> {
  const runs = new Set<string>();
  for (const [blockIndex, block] of snapshot.blocks.entries()) {
    const marks = snapshot.marks.filter((m) => m.block === blockIndex && m.start >= 0);
    for (const id of new Set(marks.flatMap((m) => m.ids))) {
      let run: { start: number; end: number } | null = null;
      for (const m of marks.filter((x) => x.ids.includes(id))) {
        if (run && /^\s*$/.test(block.text.slice(run.end, m.start))) run.end = m.end;
        else {
          if (run) runs.add(`${id}\t${block.text.slice(run.start, run.end)}`);
          run = { start: m.start, end: m.end };
        }
      }
      if (run) runs.add(`${id}\t${block.text.slice(run.start, run.end)}`);
    }
  }
  return runs;
}
