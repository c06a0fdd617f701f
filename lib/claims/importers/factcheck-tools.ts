/**
 * Google Fact Check Tools `claims:search` responses → claim pack.
 *
 * Response shape: `{ claims: [{ text, claimant, claimDate, claimReview:
 * [{ publisher: { name, site }, url, title, reviewDate, textualRating,
 * languageCode }] }], nextPageToken }`. Input may be one response, an array
 * of responses (pages), JSONL of responses, or bare claim objects.
 *
 * The API says who made a claim and when, but not where, so the claimant's
 * stance cites the first review, which is where the attribution is
 * documented. The first review's title, the claimant and the claim's and
 * review's dates also become the claim's retrieval-only fields.
 */
import type { Retrieval, Review, Stance, StanceSource } from '../schema';
import { toIsoDate } from './dates';
import { compact, PackBuilder } from './pack-builder';
import { normalizeRating } from './rating';
import { FieldReader } from './reader';
import { inputRecords } from './records';
import { hostOf, urlSlug } from './slug';
import { isObject, type ImportInput, type ImportOptions, type ImportResult, type JsonObject } from './types';

const DEFAULTS = {
  id: 'factcheck-tools',
  title: 'Imported Google Fact Check Tools results',
  license: 'unknown: check the terms of the fact-checkers and of the Fact Check Tools API before sharing this pack',
  source: { name: 'Google Fact Check Tools API (claims:search)', url: 'https://developers.google.com/fact-check/tools/api' },
};

/** Whether `value` is one claim of a response: text plus a list of reviews. */
export function isFactCheckToolsClaim(value: unknown): boolean {
  return isObject(value) && typeof value.text === 'string' && Array.isArray(value.claimReview);
}

/** Whether `value` is a `claims:search` response. */
export function isFactCheckToolsResponse(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.claims) && value.claims.every((c) => c === null || isObject(c));
}

/** One review of a claim, plus its title for when it serves as the stance's source. */
interface ReadReview {
  review: Review;
  reader: FieldReader;
}

/** A review needs a verdict and a publisher; without them its fields all stay in extra. */
function readReview(rv: FieldReader, b: PackBuilder): ReadReview | undefined {
  const pub = rv.child('publisher');
  const publisherKey = pub?.peekString('name') !== undefined ? 'name' : pub?.peekString('site') !== undefined ? 'site' : undefined;
  const publisher = (publisherKey && pub?.peekString(publisherKey)) || hostOf(rv.peekString('url'));
  if (rv.peekString('textualRating') === undefined || publisher === undefined) return undefined;
  if (publisherKey) pub?.use(publisherKey);
  const rating = rv.string('textualRating')!;
  const url = rv.string('url');
  const date = rv.map('reviewDate', toIsoDate);
  const language = rv.peek('languageCode');
  b.noteLanguage(typeof language === 'string' ? language : undefined);
  const normalizedRating = normalizeRating({ text: rating }).score;
  return { review: compact({ publisher, rating, normalizedRating, url, date }), reader: rv };
}

/** The first review's title, the claimant and both dates, which help find the claim (the pack's retrieval-only fields). */
function retrievalOf(r: FieldReader, first: ReadReview | undefined): Retrieval {
  const retrieval = compact({
    title: first?.reader.peekString('title'),
    speaker: r.peekString('claimant'),
    date: toIsoDate(r.peek('claimDate')),
    reviewDate: first?.review.date,
  });
  if (retrieval.title !== undefined) first!.reader.use('title');
  if (retrieval.speaker !== undefined) r.use('claimant');
  if (retrieval.date !== undefined) r.use('claimDate');
  return retrieval;
}

function mapClaim(claim: JsonObject, at: string, b: PackBuilder): void {
  const r = new FieldReader(claim);
  const text = r.string('text');
  if (text === undefined) {
    b.unmapped(claim, at, 'Fact Check Tools claim without "text"');
    return;
  }
  const read = r
    .list('claimReview')
    .map((rv) => (rv instanceof FieldReader ? readReview(rv, b) : undefined))
    .filter((x): x is ReadReview => x !== undefined);
  const stances: Stance[] = [];
  const first = read[0];
  if (first) {
    const claimant = r.string('claimant');
    if (claimant !== undefined) {
      const { review } = first;
      const source: StanceSource = compact({ outlet: review.publisher, title: first.reader.string('title'), url: review.url, date: review.date });
      stances.push({ actor: b.actor({ name: claimant }).id, stance: 'asserts', source });
    }
  }
  const reviews = read.map((x) => x.review);
  const sourceId = reviews[0]?.url;
  const retrieval = retrievalOf(r, first);
  b.addClaim(urlSlug(sourceId) ?? text, { text, stances, reviews, sourceId, retrieval, extra: r.rest() });
}

/**
 * Imports Fact Check Tools responses. Response fields other than `claims`
 * (such as `nextPageToken`) are kept under the pack's `extra.responses`.
 */
export function importFactCheckTools(input: ImportInput, options: ImportOptions = {}): ImportResult {
  const b = new PackBuilder('factcheck-tools', DEFAULTS, options);
  const claims: { claim: JsonObject; at: string }[] = [];
  const responses: JsonObject[] = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${at}[${i}]`));
    } else if (isFactCheckToolsResponse(value)) {
      const { claims: list, ...rest } = value as JsonObject & { claims: unknown[] };
      if (Object.keys(rest).length > 0) responses.push({ at, fields: rest });
      list.forEach((c, i) => visit(c, `${at}.claims[${i}]`));
    } else {
      b.countRecord();
      if (value === null) b.countEmpty();
      else if (isFactCheckToolsClaim(value)) claims.push({ claim: value as JsonObject, at });
      else b.unmapped(value, at, 'neither a Fact Check Tools response nor one of its claims');
    }
  };
  for (const record of inputRecords(input)) visit(record.value, record.at);
  if (responses.length > 0) b.setExtra('responses', responses);
  claims.forEach(({ claim, at }, i) => {
    mapClaim(claim, at, b);
    b.progress(i + 1, claims.length);
  });
  return b.build();
}
