/**
 * The claim pack source format: the one schema that people edit by hand and
 * that every importer writes. TypeScript types are derived from it, so the
 * schema is the single source of truth (docs/pack-format.md explains it).
 *
 * A pack is a JSON file holding metadata, the actors who take positions,
 * the other named entities a claim can mention, and the claims themselves.
 * Actors and entities are referenced by id from claims and stances.
 */
import * as v from 'valibot';

/** Identifier used for packs, actors, entities and claims: lowercase slug. */
export const IdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be a lowercase slug (a-z, 0-9, ".", "_", ":" or "-")'),
);

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const IsoDate = v.pipe(v.string(), v.isoDate('must be a date as YYYY-MM-DD'));

/** Where a stance was reported. `url` is left out when the source gives none. */
export const SourceSchema = v.object({
  outlet: NonEmpty,
  title: v.optional(NonEmpty),
  url: v.optional(v.string()),
  date: v.optional(IsoDate),
});

/** One actor's position on a claim, with the words they used where known. */
export const StanceSchema = v.object({
  actor: IdSchema,
  stance: v.picklist(['asserts', 'denies'], 'must be "asserts" or "denies"'),
  quote: v.optional(NonEmpty),
  source: SourceSchema,
});

/** A fact-checker's verdict on a claim. */
export const ReviewSchema = v.object({
  publisher: NonEmpty,
  rating: NonEmpty,
  /** -1 (false) … 1 (true); absent when the rating text does not map. */
  normalizedRating: v.optional(v.pipe(v.number(), v.minValue(-1), v.maxValue(1))),
  url: v.optional(v.string()),
  date: v.optional(IsoDate),
});

/** A place where the claim was published or repeated. */
export const AppearanceSchema = v.object({
  url: v.optional(v.string()),
  outlet: v.optional(NonEmpty),
  title: v.optional(NonEmpty),
  date: v.optional(IsoDate),
});

/** A named thing (person, organisation, place, thing) and the names it goes by. */
export const EntitySchema = v.object({
  id: IdSchema,
  name: NonEmpty,
  aliases: v.optional(v.array(NonEmpty), []),
  kind: v.optional(v.picklist(['person', 'organization', 'place', 'other']), 'other'),
});

/** An entity that takes positions on claims; `role` is shown on the card. */
export const ActorSchema = v.object({
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
export const RetrievalSchema = v.object({
  title: v.optional(NonEmpty),
  summary: v.optional(NonEmpty),
  speaker: v.optional(NonEmpty),
  date: v.optional(IsoDate),
  reviewDate: v.optional(IsoDate),
});

/** A checkable statement, the ways it is phrased, and who holds which position. */
export const ClaimSchema = v.object({
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
export const PackSchema = v.object({
  format: v.literal('claimlens-pack/1', 'must be "claimlens-pack/1"'),
  id: IdSchema,
  title: NonEmpty,
  version: NonEmpty,
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as "en"')),
  license: NonEmpty,
  source: v.object({ name: NonEmpty, url: v.optional(v.string()) }),
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
