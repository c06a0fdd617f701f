/**
 * CLEF CheckThat! verified-claim pools (JSONL) → claim packs.
 *
 * - 2A (Snopes, 2022): `vclaim_id, vclaim, title, subtitle, author, date`
 *   (some records add `page_url`). `author` is the Snopes writer of the fact
 *   check, not a claimant, and the pool carries no verdict, so no stance or
 *   review is made up: the headline, subtitle and date become the claim's
 *   retrieval-only fields, and `author` stays under `extra`.
 * - 2B (PolitiFact, 2021): `vclaim_id, vclaim, speaker, truth_label, date,
 *   url, title`. The speaker asserts the claim; `date` reads "stated on
 *   October 22, 2019 in a campaign mailer.:" and gives where and when, which
 *   become the stance's source and an appearance; without a venue the stance
 *   cites the PolitiFact review. `url` is a path on politifact.com. The
 *   headline, the speaker and the date also become retrieval-only fields.
 *
 * Claim ids are `<pack id>:<vclaim_id>` and `sourceId` is the vclaim_id
 * verbatim, so benchmark runs can print the ids the qrels use.
 */
import type { Retrieval, Review, Stance, StanceSource } from '../schema';
import { dateFromUrlPath, toIsoDate } from './dates';
import { compact, PackBuilder, type PackDefaults } from './pack-builder';
import { normalizeRating } from './rating';
import { FieldReader } from './reader';
import { inputRecords } from './records';
import { isObject, type ImportInput, type ImportOptions, type ImportResult } from './types';

const RESEARCH_LICENSE = 'CLEF CheckThat! lab data: "free for general research use" only; do not bundle or redistribute';

const DEFAULTS: Record<'checkthat-2a' | 'checkthat-2b', PackDefaults> = {
  'checkthat-2a': {
    id: 'checkthat-2a',
    title: 'CheckThat! 2022 Task 2A: claims fact-checked by Snopes (research use only)',
    license: RESEARCH_LICENSE,
    source: { name: 'CLEF CheckThat! Lab 2022, Task 2A (English), Snopes verified claims' },
  },
  'checkthat-2b': {
    id: 'checkthat-2b',
    title: 'CheckThat! 2021 Task 2B: claims fact-checked by PolitiFact (research use only)',
    license: RESEARCH_LICENSE,
    source: { name: 'CLEF CheckThat! Lab 2021, Task 2B (English), PolitiFact verified claims' },
  },
};

/** PolitiFact's labels as its pages show them ("barely-true" has read "Mostly False" since 2011). */
export const POLITIFACT_RATINGS: Readonly<Record<string, string>> = {
  true: 'True',
  'mostly-true': 'Mostly True',
  'half-true': 'Half True',
  'barely-true': 'Mostly False',
  false: 'False',
  'pants-fire': 'Pants on Fire',
  // Flip-O-Meter verdicts rate consistency, not truth: they get no normalised rating.
  'full-flop': 'Full Flop',
  'half-flip': 'Half Flip',
  'no-flip': 'No Flip',
};

const POLITIFACT = 'https://www.politifact.com';

/** The review URL when `url` is a path on politifact.com (or a politifact.com URL); else undefined. */
export function politifactUrl(url: string): string | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return POLITIFACT + url;
  try {
    const parsed = new URL(url);
    return /(^|\.)politifact\.com$/.test(parsed.hostname) && /^https?:$/.test(parsed.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** "stated on October 22, 2019 in a campaign mailer.:" → its date and venue. */
export function parseStated(raw: string): { date?: string; venue?: string } {
  const m = /^\s*stated on\s+(.+?\d{4})(?:\s+in\s+([\s\S]+?))?[\s.:]*$/i.exec(raw);
  if (!m) return {};
  return compact({ date: toIsoDate(m[1]), venue: m[2]?.trim() || undefined });
}

/** Whether a record is a CheckThat! verified claim, and of which task. */
export function checkThatTask(value: unknown): 'checkthat-2a' | 'checkthat-2b' | undefined {
  if (!isObject(value) || typeof value.vclaim_id !== 'string' || typeof value.vclaim !== 'string') return undefined;
  return 'speaker' in value || 'truth_label' in value ? 'checkthat-2b' : 'checkthat-2a';
}

/** What a claim of either task maps to besides its text and id. */
interface MappedClaim {
  stances?: Stance[];
  reviews?: Review[];
  appearances?: { outlet: string; date?: string }[];
  retrieval: Retrieval;
}

/** Snopes (2A): the fact-check's headline and subtitle, and its date, help find the claim. */
function mapSnopes(r: FieldReader): MappedClaim {
  return { retrieval: compact({ title: r.string('title'), summary: r.string('subtitle'), reviewDate: r.map('date', toIsoDate) }) };
}

/**
 * PolitiFact (2B): the review's headline, the speaker, the date the claim
 * was made and the review's date help find it. The headline and the speaker are also cited
 * by the stance when there is one.
 */
function retrievalOfPolitiFact(r: FieldReader, statedDate: string | undefined, reviewDate: string | undefined): Retrieval {
  const retrieval = compact({ title: r.peekString('title'), speaker: r.peekString('speaker'), date: statedDate, reviewDate });
  // The review date comes from `url`, which the review has used already.
  for (const key of ['title', 'speaker', 'date'] as const) if (retrieval[key] !== undefined) r.use(key);
  return retrieval;
}

function mapPolitiFact(r: FieldReader, b: PackBuilder): MappedClaim {
  const rawUrl = r.peek('url');
  const url = typeof rawUrl === 'string' ? politifactUrl(rawUrl.trim()) : undefined;
  if (url !== undefined) r.use('url');
  const reviewDate = url === undefined ? undefined : dateFromUrlPath(new URL(url).pathname);
  const label = r.string('truth_label');
  const reviews: Review[] = [];
  if (label !== undefined) {
    const rating = POLITIFACT_RATINGS[label] ?? label;
    reviews.push(compact({ publisher: 'PolitiFact', rating, normalizedRating: normalizeRating({ text: rating }).score, url, date: reviewDate }));
  }
  const rawDate = r.peek('date');
  const stated = typeof rawDate === 'string' ? parseStated(rawDate) : {};
  const appearances = stated.venue === undefined ? [] : [compact({ outlet: stated.venue, date: stated.date })];
  let source: StanceSource | undefined;
  if (stated.venue !== undefined) {
    source = appearances[0]!;
    if (stated.date !== undefined) r.use('date'); // venue and date are both in the pack now
  } else if (url !== undefined) {
    // Where it was said is unknown: the PolitiFact review documents the attribution.
    source = compact({ outlet: 'PolitiFact', title: r.peekString('title'), url, date: reviewDate });
  }
  const speaker = source === undefined ? undefined : r.peekString('speaker');
  const retrieval = retrievalOfPolitiFact(r, stated.date, reviewDate);
  if (speaker === undefined || source === undefined) return { stances: [], reviews, appearances, retrieval };
  return { stances: [{ actor: b.actor({ name: speaker }).id, stance: 'asserts', source }], reviews, appearances, retrieval };
}

/** Imports a CheckThat! 2A or 2B pool; records of the other task or of no task stay in `extra.unmapped`. */
function importCheckThat(format: 'checkthat-2a' | 'checkthat-2b', input: ImportInput, options: ImportOptions): ImportResult {
  const b = new PackBuilder(format, DEFAULTS[format], options);
  const records = inputRecords(input);
  records.forEach(({ value, at }, i) => {
    b.countRecord();
    if (value === null) b.countEmpty();
    else if (checkThatTask(value) !== format) b.unmapped(value, at, `not a ${format} verified claim`);
    else {
      const r = new FieldReader(value as Record<string, unknown>);
      const text = r.string('vclaim');
      const sourceId = r.string('vclaim_id');
      if (text === undefined || sourceId === undefined) b.unmapped(value, at, 'empty "vclaim" or "vclaim_id"');
      else {
        const mapped = format === 'checkthat-2b' ? mapPolitiFact(r, b) : mapSnopes(r);
        b.addClaim(sourceId, { text, sourceId, ...mapped, extra: r.rest() });
      }
    }
    b.progress(i + 1, records.length);
  });
  return b.build();
}

/** Imports the CheckThat! 2022 Task 2A pool (Snopes). */
export function importCheckThat2a(input: ImportInput, options: ImportOptions = {}): ImportResult {
  return importCheckThat('checkthat-2a', input, options);
}

/** Imports the CheckThat! 2021 Task 2B pool (PolitiFact). */
export function importCheckThat2b(input: ImportInput, options: ImportOptions = {}): ImportResult {
  return importCheckThat('checkthat-2b', input, options);
}
