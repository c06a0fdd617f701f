/**
 * Types of the compiled runtime index that ships inside the extension.
 *
 * Compilation resolves every actor and entity reference, so the content
 * script never needs the pack's lookup tables: a claim carries the names and
 * aliases it is matched by and the actors it shows on the card.
 */
import type { Appearance, Review, StanceSource } from './schema';

/** Names a sentence can use for one of a claim's key entities. */
export interface RuntimeEntity {
  id: string;
  name: string;
  aliases: string[];
}

/** An actor as the card shows it. */
export interface RuntimeActor {
  id: string;
  name: string;
  aliases: string[];
  role: string;
  kind: 'person' | 'organization';
}

/** A stance with its actor resolved. */
export interface RuntimeStance {
  actor: RuntimeActor;
  stance: 'asserts' | 'denies';
  quote?: string;
  source: StanceSource;
}

/**
 * The shape the matcher needs. RuntimeClaim satisfies it, and so can claims
 * built directly from a benchmark pool.
 */
export interface MatchableClaim {
  id: string;
  text: string;
  paraphrases: string[];
  entities: RuntimeEntity[];
  /**
   * Headline of the claim's fact-check, when known. Retrieval (rank) reads
   * it as a weaker field; the annotation decision never does, because a
   * headline is the fact-checker's wording ("X inaccurately describes…"),
   * not the claim's.
   */
  title?: string;
  /** Summary or subtitle of the fact-check: retrieval-only, like `title`. */
  summary?: string;
  /** Who made the claim, when known (e.g. PolitiFact's speaker): retrieval-only, like `title`. */
  speaker?: string;
  /** When the claim was made, ISO "YYYY-MM-DD", when known: lets rank() prefer claims made near a text's date. */
  date?: string;
  /** When the claim's fact-check was published, ISO "YYYY-MM-DD", when known: retrieval-only, like `date`. */
  reviewDate?: string;
}

/** A claim as it ships: matchable, and carrying everything the card shows. */
export interface RuntimeClaim extends MatchableClaim {
  packId: string;
  topics: string[];
  stances: RuntimeStance[];
  reviews: Review[];
  appearances: Appearance[];
  /** Untrusted limited HTML; sanitised where it is rendered, never before. */
  noteHtml?: string;
}

/** Pack metadata as listed to the user. */
export interface RuntimePackMeta {
  id: string;
  title: string;
  version: string;
  language: string;
  license: string;
  source: { name: string; url?: string };
  claimCount: number;
}

/** The payload that the checksum covers. */
export interface RuntimeIndexBody {
  packs: RuntimePackMeta[];
  claims: RuntimeClaim[];
}

/** The compiled index file: a versioned, checksummed envelope around the body. */
export interface RuntimeIndex {
  format: 'claimlens-index';
  version: number;
  /** Hex FNV-1a 32 of JSON.stringify(body), checked on load. */
  checksum: string;
  body: RuntimeIndexBody;
}
