/**
 * schema.org ClaimReview → claim pack (the mapping is documented, field by
 * field, in docs/pack-format.md).
 *
 * - `claimReviewed` is the claim's text; `@id` (else `url`) its `sourceId`.
 * - `reviewRating` with the fact-checker (`author`, else `publisher`) and the
 *   review's `url` and `datePublished` becomes a review.
 * - `itemReviewed.author`, the claimant, asserts the claim. The stance's
 *   source is where the claim was made when the markup says so
 *   (`firstAppearance`, `appearance`, or the reviewed work itself); otherwise
 *   the review, which is where the attribution is documented.
 * - The review's `headline` (else `name`), the first claimant and both dates
 *   also become the claim's retrieval-only fields.
 * - Everything not used stays under the claim's `extra`, in its input shape.
 */
import type { Appearance, Retrieval, Review, Stance, StanceSource } from '../schema';
import { kindOfType } from './actor-kind';
import { collectClaimReviews, isSchemaOrgContext, type ClaimReviewNode } from './claimreview-records';
import { toIsoDate } from './dates';
import { compact, PackBuilder, type ClaimantInput } from './pack-builder';
import { normalizeRating, ratingNumber } from './rating';
import { FieldReader, TextItem } from './reader';
import { inputRecords } from './records';
import { hostOf, urlSlug } from './slug';
import type { ImportInput, ImportOptions, ImportResult } from './types';

const DEFAULTS = {
  id: 'claimreview',
  title: 'Imported ClaimReview fact checks',
  license: 'unknown: check the terms of the fact-checkers before sharing this pack',
  source: { name: 'schema.org ClaimReview markup' },
};

/** Types that say nothing beyond "this is the kind of object the field holds". */
const GENERIC_TYPES = new Set(['Thing', 'CreativeWork', 'Claim', 'Rating', 'Review', 'ClaimReview', 'DataFeedItem']);

/** Marks `@type` used when the mapping says all it says. */
function useGenericType(r: FieldReader): void {
  const types = r.types();
  if (types.length > 0 && types.every((t) => GENERIC_TYPES.has(t))) r.use('@type');
}

/** A name found in the input, marked used only once the pack holds it. */
interface Named {
  name: string;
  use(): void;
}

/** The name of a person or organisation field (a string or an object with `name`). */
function nameOf(r: FieldReader, key: string): Named | undefined {
  for (const item of r.list(key)) {
    if (item instanceof TextItem) return { name: item.text, use: () => item.use() };
    const name = item.peekString('name');
    if (name === undefined) continue;
    return {
      name,
      use() {
        item.use('name');
        if (kindOfType(item.types()) !== undefined || item.types().every((t) => GENERIC_TYPES.has(t))) item.use('@type');
      },
    };
  }
  return undefined;
}

/** The fact-checker: `author`, else `publisher`, else the host of their or the review's URL. */
function factChecker(r: FieldReader, reviewUrl: string | undefined): Named | undefined {
  const named = nameOf(r, 'author') ?? nameOf(r, 'publisher');
  if (named !== undefined) return named;
  const author = r.peek('author');
  const authorUrl = author !== null && typeof author === 'object' && !Array.isArray(author) ? (author as { url?: unknown }).url : undefined;
  // A host is derived, not read: the URL it came from stays in extra.
  const host = hostOf(typeof authorUrl === 'string' ? authorUrl : undefined) ?? hostOf(reviewUrl);
  return host === undefined ? undefined : { name: host, use() {} };
}

/** One review per `reviewRating`; ratings with neither text nor number stay in `extra`. */
function reviewsOf(r: FieldReader, publisher: string | undefined, url: string | undefined, date: string | undefined): Review[] {
  if (publisher === undefined) return [];
  const reviews: Review[] = [];
  for (const rating of r.list('reviewRating')) {
    if (rating instanceof TextItem) {
      rating.use();
      reviews.push(compact({ publisher, rating: rating.text, normalizedRating: normalizeRating({ text: rating.text }).score, url, date }));
      continue;
    }
    const text = rating.string('alternateName');
    const value = ratingNumber(rating.peek('ratingValue'));
    const best = ratingNumber(rating.peek('bestRating'));
    const worst = ratingNumber(rating.peek('worstRating'));
    const label = text ?? (value === undefined ? undefined : best === undefined ? String(value) : `${value}/${best}`);
    if (label === undefined) continue;
    const normalized = normalizeRating({ text, value, best, worst });
    // Numbers written into the label ("1/6") are used; otherwise they stay in extra, since
    // a normalised score alone does not say what the number and its scale were.
    if (text === undefined) {
      rating.use('ratingValue');
      if (best !== undefined) rating.use('bestRating');
    }
    useGenericType(rating);
    reviews.push(compact({ publisher, rating: label, normalizedRating: normalized.score, url, date }));
  }
  return reviews;
}

/** A place where the claim was made, from a CreativeWork-like object; undefined if it names none. */
function appearanceOf(w: FieldReader): Appearance | undefined {
  const url = w.string('url');
  const publisher = nameOf(w, 'publisher');
  const headline = w.string('headline');
  const name = w.peekString('name');
  const outlet = publisher?.name ?? hostOf(url) ?? name;
  const title = headline ?? (name !== undefined && name !== outlet ? name : undefined);
  if (outlet === undefined && url === undefined && title === undefined) return undefined; // nothing was used yet
  publisher?.use();
  if (name !== undefined && (name === outlet || name === title)) w.use('name');
  const date = w.map('datePublished', toIsoDate);
  useGenericType(w);
  return compact({ url, outlet, title, date });
}

/** Appearances from firstAppearance, appearance and the reviewed work itself, first one first. */
function appearancesOf(item: FieldReader): Appearance[] {
  const out: Appearance[] = [];
  // A set of the serialised ones: comparing each with all before it was quadratic (20,000 took 90 s).
  const seen = new Set<string>();
  const add = (a: Appearance | undefined): void => {
    const key = a && JSON.stringify(a);
    if (a && key !== undefined && !seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  };
  for (const key of ['firstAppearance', 'appearance']) {
    for (const a of item.list(key)) {
      if (a instanceof TextItem) {
        a.use();
        const host = hostOf(a.text);
        add(host === undefined ? { outlet: a.text } : { url: a.text, outlet: host });
      } else add(appearanceOf(a));
    }
  }
  // A reviewed CreativeWork with a URL or a name is itself where the claim was made; a Claim is not.
  const work = item.peek('url') !== undefined || (item.peek('name') !== undefined && !item.types().includes('Claim'));
  if (work) add(appearanceOf(item));
  return out;
}

/** A claimant and, for objects, the reader and field its role came from. */
interface Claimant {
  claimant: ClaimantInput;
  /** Marks the claimant's name (and type) used. */
  use(): void;
  reader?: FieldReader;
  roleKey?: 'jobTitle' | 'title';
}

/** The claimants: strings, or Person/Organization objects with a name. */
function claimantsOf(item: FieldReader): Claimant[] {
  const out: Claimant[] = [];
  for (const a of item.list('author')) {
    if (a instanceof TextItem) {
      out.push({ claimant: { name: a.text }, use: () => a.use() });
      continue;
    }
    const name = a.peekString('name');
    if (name === undefined) continue;
    const types = a.types();
    const kind = kindOfType(types);
    const roleKey = a.peekString('jobTitle') !== undefined ? 'jobTitle' : 'title';
    const role = a.peekString(roleKey);
    const use = (): void => {
      a.use('name');
      if (kind !== undefined || types.every((t) => GENERIC_TYPES.has(t))) a.use('@type');
    };
    out.push({ claimant: compact({ name, kind, role }), use, reader: a, roleKey });
  }
  return out;
}

/**
 * The review's headline, the first claimant and both dates, which help find
 * the claim (the pack's retrieval-only fields).
 */
function retrievalOf(r: FieldReader, item: FieldReader | undefined, speaker: string | undefined, claimDate: string | undefined, reviewDate: string | undefined): Retrieval {
  const titleKey = r.peekString('headline') !== undefined ? 'headline' : 'name';
  const retrieval = compact({ title: r.peekString(titleKey), speaker, date: claimDate, reviewDate });
  if (retrieval.title !== undefined) r.use(titleKey);
  if (claimDate !== undefined) item?.use('datePublished');
  if (reviewDate !== undefined) r.use('datePublished');
  return retrieval;
}

/** Maps one ClaimReview into the builder. */
function mapClaimReview(node: ClaimReviewNode, b: PackBuilder): void {
  const r = new FieldReader(node.node, node.resolve);
  const text = r.string('claimReviewed')!; // collectClaimReviews passes only nodes with this text
  useGenericType(r);
  r.map('@context', (c) => (isSchemaOrgContext(c) ? true : undefined));
  // The review's URL is used by the reviews, the stance source, or as the source id.
  const reviewUrl = r.peekString('url');
  const sourceId = r.string('@id') ?? reviewUrl;
  const useUrl = (): void => r.use('url');
  if (sourceId === reviewUrl) useUrl();
  const reviewDate = toIsoDate(r.peek('datePublished'));
  const inLanguage = r.peek('inLanguage');
  b.noteLanguage(typeof inLanguage === 'string' ? inLanguage : undefined);
  const checker = factChecker(r, reviewUrl);
  const publisher = checker?.name;
  const reviews = reviewsOf(r, publisher, reviewUrl, reviewDate);
  if (reviews.length > 0) {
    checker?.use();
    useUrl();
    if (reviewDate !== undefined) r.use('datePublished');
  }

  const item = r.child('itemReviewed');
  if (item) useGenericType(item);
  const appearances = item ? appearancesOf(item) : [];
  const claimDate = item ? toIsoDate(item.peek('datePublished')) : undefined;
  if (appearances.length === 1 && appearances[0]!.date === undefined && claimDate !== undefined) {
    appearances[0] = { ...appearances[0]!, date: claimDate };
    item!.use('datePublished');
  }

  // The stance's source, and what it takes from the input (used only once a stance cites it).
  let source: StanceSource | undefined;
  let useSource = (): void => {};
  const first = appearances[0];
  if (first?.outlet !== undefined) {
    source = compact({ outlet: first.outlet, title: first.title, url: first.url, date: first.date ?? claimDate });
    if (first.date === undefined && claimDate !== undefined) useSource = () => item!.use('datePublished');
  } else if (publisher !== undefined) {
    // Where the claim was made is unknown: the review documents the attribution.
    const titleKey = r.peekString('headline') !== undefined ? 'headline' : 'name';
    source = compact({ outlet: publisher, title: r.peekString(titleKey), url: reviewUrl, date: reviewDate });
    useSource = () => {
      if (source?.title !== undefined) r.use(titleKey);
      if (reviewDate !== undefined) r.use('datePublished');
      checker?.use();
      useUrl();
    };
  }
  const stances: Stance[] = [];
  let speaker: string | undefined;
  if (item && source) {
    for (const { claimant, use, reader, roleKey } of claimantsOf(item)) {
      speaker ??= claimant.name;
      const { id, roleKept } = b.actor(claimant);
      use();
      if (reader && roleKey && claimant.role !== undefined && roleKept) reader.use(roleKey);
      stances.push({ actor: id, stance: 'asserts', source });
    }
    if (stances.length > 0) useSource();
  }
  const retrieval = retrievalOf(r, item, speaker, claimDate, reviewDate);
  const extra = r.rest() ?? {};
  if (node.feedItem) extra.dataFeedElement = node.feedItem;
  b.addClaim(urlSlug(reviewUrl) ?? text, { text, stances, reviews, appearances, sourceId, retrieval, extra });
}

/**
 * Imports schema.org ClaimReview input: one object, an array, a `@graph`,
 * JSONL, or a DataFeed. Returns the pack (not yet validated) and a report.
 */
export function importClaimReview(input: ImportInput, options: ImportOptions = {}): ImportResult {
  const b = new PackBuilder('claimreview', DEFAULTS, options);
  const nodes = collectClaimReviews(inputRecords(input), b);
  nodes.forEach((node, i) => {
    mapClaimReview(node, b);
    b.progress(i + 1, nodes.length);
  });
  return b.build();
}
