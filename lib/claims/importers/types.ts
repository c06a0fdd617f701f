/**
 * Shared shapes of the pack importers: what they read, what they are told,
 * and what they return. Importers are pure (no file access, no DOM): the
 * command line reads files and hands them the parsed JSON or the lines.
 */
import type { PackInput } from '../schema';

/** The input formats an importer exists for. */
export type ImportFormat = 'claimreview' | 'factcheck-tools' | 'checkthat-2a' | 'checkthat-2b';

/**
 * Input to an importer: one parsed JSON value (object, array, `@graph`,
 * DataFeed, API response) or the lines of a JSONL file, parsed one by one
 * by the importer so that an error can name its line.
 */
export type ImportInput = { kind: 'json'; value: unknown } | { kind: 'jsonl'; lines: readonly string[] };

/** Pack metadata the caller may set; every field has a per-format default. */
export interface ImportOptions {
  /** Pack id; claim ids are `<id>:<local id>`, so they stay unique across packs. */
  id?: string;
  title?: string;
  version?: string;
  /** Language tag; defaults to the one language named by every record, else `en`. */
  language?: string;
  license?: string;
  source?: { name: string; url?: string };
  description?: string;
  /** Called every {@link PROGRESS_EVERY} records and at the end: records done of total. */
  onProgress?: (done: number, total: number) => void;
}

/** How often importers report progress, in records. */
export const PROGRESS_EVERY = 500;

/** What an import produced and what it could not map, for the summary and tests. */
export interface ImportReport {
  format: ImportFormat;
  /** Input records seen (JSONL lines, array elements, graph nodes, feed items), nulls included. */
  records: number;
  claims: number;
  actors: number;
  stances: number;
  reviews: number;
  appearances: number;
  /** Null feed items and blank lines: they hold nothing, so nothing is kept. */
  empty: number;
  /** Records that are not claims of this format, kept whole under the pack's `extra.unmapped`. */
  unmapped: number;
  /** Actors whose kind (person or organisation) was guessed from the name: the input gave no type. */
  guessedKinds: number;
  /** Reviews whose rating could not be placed on the -1…1 scale. */
  unnormalizedRatings: number;
  /** Claims that kept at least one unmapped field under `extra`. */
  claimsWithExtra: number;
}

/** An importer's result: a pack in the source format (validate it before use) and the report. */
export interface ImportResult {
  pack: PackInput;
  report: ImportReport;
}

/** Thrown when the input cannot be imported at all; the message says what and where. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** A JSON object, as importers read it. */
export type JsonObject = Record<string, unknown>;

/** Whether `value` is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
