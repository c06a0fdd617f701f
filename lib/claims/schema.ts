/**
 * The claim pack source format: the one schema that people edit by hand and
 * that every importer writes. TypeScript types are derived from it, so the
 * schema is the single source of truth (docs/pack-format.md explains it).
 *
 * A pack is a JSON file holding metadata, the actors who take positions,
 * the other named entities a claim can mention, and the claims themselves.
 * Actors and entities are referenced by id from claims and stances.
 *
 * Every object is strict: a field the schema does not know is an error, not
 * silently dropped, so a misspelt "stance" or "qoute" cannot lose a claim's
 * stances or quote (data without a field of its own goes under `extra`).
 */
import * as v from 'valibot';

/** Identifier used for packs, actors, entities and claims: lowercase slug. */
export const IdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be a lowercase slug (a-z, 0-9, ".", "_", ":" or "-")'),
);

/**
 * A language tag as packs write it: "en", "pt-BR"; at most 64 characters.
 * The length check comes first, as a lookahead: the repeated subtag group
 * backtracks through a stack that a tag of megabytes overflows (a RangeError
 * thrown out of validation), and no real tag is that long.
 */
export const LANGUAGE_TAG = /^(?=.{2,64}$)[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/;

/** A pack's language: a BCP 47 tag such as "en" or "pt-BR". */
export const LanguageSchema = v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'must be a language tag such as "en"'));

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const IsoDate = v.pipe(
  v.string(),
  v.isoDate('must be a date as YYYY-MM-DD'),
  // isoDate takes any day up to 31 in any month; a card must not show "2020-02-30".
  v.check((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) === d; // text that is no date at all: isoDate says so
  }, 'must be a real calendar date'),
);

/** Where a stance was reported. `url` is left out when the source gives none. */
export const SourceSchema = v.strictObject({
  outlet: NonEmpty,
  title: v.optional(NonEmpty),
  url: v.optional(v.string()),
  date: v.optional(IsoDate),
});

/** One actor's position on a claim, with the words they used where known. */
export const StanceSchema = v.strictObject({
  actor: IdSchema,
  stance: v.picklist(['asserts', 'denies'], 'must be "asserts" or "denies"'),
  quote: v.optional(NonEmpty),
  source: SourceSchema,
});

const RATING_RANGE = 'must be a number from -1 (false) to 1 (true)';

/** A fact-checker's verdict on a claim. */
export const ReviewSchema = v.strictObject({
  publisher: NonEmpty,
  rating: NonEmpty,
  /** -1 (false) … 1 (true); absent when the rating text does not map. */
  normalizedRating: v.optional(v.pipe(v.number(), v.minValue(-1, RATING_RANGE), v.maxValue(1, RATING_RANGE))),
  url: v.optional(v.string()),
  date: v.optional(IsoDate),
});

/** A place where the claim was published or repeated. */
export const AppearanceSchema = v.strictObject({
  url: v.optional(v.string()),
  outlet: v.optional(NonEmpty),
  title: v.optional(NonEmpty),
  date: v.optional(IsoDate),
});

/** A named thing (person, organisation, place, thing) and the names it goes by. */
export const EntitySchema = v.strictObject({
  id: IdSchema,
  name: NonEmpty,
  aliases: v.optional(v.array(NonEmpty), []),
  kind: v.optional(v.picklist(['person', 'organization', 'place', 'other']), 'other'),
});

/** An entity that takes positions on claims; `role` is shown on the card. */
export const ActorSchema = v.strictObject({
  id: IdSchema,
  name: NonEmpty,
  aliases: v.optional(v.array(NonEmpty), []),
  role: NonEmpty,
  kind: v.picklist(['person', 'organization'], 'must be "person" or "organization"'),
});

/**
 * What helps find a claim but is not its wording, as its source gave it:
 * the fact-check's headline and summary, who made the claim, when it was
 * made and when it was checked. Ranking (`claims rank`) reads these as
 * weaker fields; the annotation decision and the card never do, because a
 * headline is the fact-checker's wording ("X inaccurately describes…").
 */
export const RetrievalSchema = v.strictObject({
  title: v.optional(NonEmpty),
  summary: v.optional(NonEmpty),
  speaker: v.optional(NonEmpty),
  date: v.optional(IsoDate),
  reviewDate: v.optional(IsoDate),
});

/** A checkable statement, the ways it is phrased, and who holds which position. */
export const ClaimSchema = v.strictObject({
  id: IdSchema,
  text: NonEmpty,
  /** Other wordings of the same claim, used for matching only. */
  paraphrases: v.optional(v.array(NonEmpty), []),
  /** Ids of actors or entities a sentence must name (by any alias) to match. */
  entities: v.optional(v.array(IdSchema), []),
  topics: v.optional(v.array(NonEmpty), []),
  stances: v.optional(v.array(StanceSchema), []),
  reviews: v.optional(v.array(ReviewSchema), []),
  appearances: v.optional(v.array(AppearanceSchema), []),
  /** Retrieval-only text and dates (RetrievalSchema). */
  retrieval: v.optional(RetrievalSchema),
  /**
   * The claim's id in the data it was imported from (a CheckThat! vclaim_id,
   * a ClaimReview's @id or URL), verbatim, so that results can be joined
   * back to that data (e.g. benchmark qrels). Not shipped in the index.
   */
  sourceId: v.optional(NonEmpty),
  /**
   * An editor's note on the claim, in limited HTML (links, emphasis, lists).
   * The only HTML a pack can carry: the card passes it through DOMPurify
   * (lib/annotate/sanitize-html.ts) before showing it.
   */
  noteHtml: v.optional(NonEmpty),
  /** Whatever an importer could not map, kept so that nothing is lost. */
  extra: v.optional(v.record(v.string(), v.unknown())),
});

/** Pack metadata and contents. `format` lets future readers migrate old packs. */
export const PackSchema = v.strictObject({
  format: v.literal('claimlens-pack/1', 'must be "claimlens-pack/1"'),
  id: IdSchema,
  title: NonEmpty,
  version: NonEmpty,
  language: LanguageSchema,
  license: NonEmpty,
  source: v.strictObject({ name: NonEmpty, url: v.optional(v.string()) }),
  description: v.optional(NonEmpty),
  actors: v.optional(v.array(ActorSchema), []),
  entities: v.optional(v.array(EntitySchema), []),
  claims: v.array(ClaimSchema),
  /** Input an importer could not attach to any claim (feed metadata, unmapped records). */
  extra: v.optional(v.record(v.string(), v.unknown())),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type PackInput = v.InferInput<typeof PackSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type ClaimInput = v.InferInput<typeof ClaimSchema>;
export type Actor = v.InferOutput<typeof ActorSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type Stance = v.InferOutput<typeof StanceSchema>;
export type StanceSource = v.InferOutput<typeof SourceSchema>;
export type Review = v.InferOutput<typeof ReviewSchema>;
export type Appearance = v.InferOutput<typeof AppearanceSchema>;
export type Retrieval = v.InferOutput<typeof RetrievalSchema>;
