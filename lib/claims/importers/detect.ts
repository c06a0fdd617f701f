/**
 * Picks the importer for an input by looking at its records, and runs it.
 * Detection is by shape, not by file name, so a renamed download still
 * imports, and an unknown shape fails with the keys it did find. An input
 * from which no claim can be imported is refused, never made an empty pack.
 */
import { checkThatTask, importCheckThat2a, importCheckThat2b } from './checkthat';
import { isClaimReview, isDataFeed } from './claimreview-records';
import { importClaimReview } from './claimreview';
import { importFactCheckTools, isFactCheckToolsClaim, isFactCheckToolsResponse } from './factcheck-tools';
import { ImportError, isObject, type ImportFormat, type ImportInput, type ImportOptions, type ImportResult, type JsonObject } from './types';

/** Every format, with a one-line description for messages and usage text. */
export const IMPORT_FORMATS: Readonly<Record<ImportFormat, string>> = {
  claimreview: 'schema.org ClaimReview (JSON-LD object, @graph, array, JSONL, or DataFeed)',
  'factcheck-tools': 'Google Fact Check Tools claims:search response',
  'checkthat-2a': 'CheckThat! 2022 Task 2A verified claims (Snopes), JSONL',
  'checkthat-2b': 'CheckThat! 2021 Task 2B verified claims (PolitiFact), JSONL',
};

const IMPORTERS: Readonly<Record<ImportFormat, (input: ImportInput, options?: ImportOptions) => ImportResult>> = {
  claimreview: importClaimReview,
  'factcheck-tools': importFactCheckTools,
  'checkthat-2a': importCheckThat2a,
  'checkthat-2b': importCheckThat2b,
};

/** How many records detection looks at before giving up on an input. */
export const DETECT_RECORDS = 100;

/** The objects in a value, looking into arrays (nulls are skipped), in order. */
function* objectsIn(value: unknown): Generator<JsonObject> {
  if (isObject(value)) yield value;
  else if (Array.isArray(value)) for (const item of value) yield* objectsIn(item);
}

/** The records of the input that are objects, in order. */
function* recordsOf(input: ImportInput): Generator<JsonObject> {
  if (input.kind === 'json') {
    yield* objectsIn(input.value);
    return;
  }
  for (const [i, line] of input.lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new ImportError(`line ${i + 1}: invalid JSON — ${err instanceof Error ? err.message : String(err)}`);
    }
    yield* objectsIn(value);
  }
}

/** The format of one object, or undefined. */
export function formatOf(value: JsonObject): ImportFormat | undefined {
  const task = checkThatTask(value);
  if (task) return task;
  if (isFactCheckToolsResponse(value) || isFactCheckToolsClaim(value)) return 'factcheck-tools';
  if (Array.isArray(value['@graph']) || isDataFeed(value) || isClaimReview(value)) return 'claimreview';
  return undefined;
}

/**
 * True for a value that is (or means to be) a Claimlens pack rather than data
 * to import: it says its `format`, or has a pack's `id` and `claims`. (A
 * Fact Check Tools response has `claims` too, but no `id`.)
 */
export function looksLikeClaimlensPack(value: unknown): boolean {
  return isObject(value) && ('format' in value || ('id' in value && 'claims' in value));
}

/**
 * The format of `input`, from the first of its first DETECT_RECORDS records
 * that some importer knows: the JSON-LD blocks of a fact-check page, taken
 * together, start with a WebSite or a WebPage before the ClaimReview. Throws
 * {@link ImportError} naming the keys of the first record when none is known.
 */
export function detectFormat(input: ImportInput): ImportFormat {
  if (input.kind === 'json' && looksLikeClaimlensPack(input.value)) {
    throw new ImportError('this is a Claimlens pack already, not data to import: check it with `claims check <file>` or add it to the extension as it is');
  }
  let first: JsonObject | undefined;
  let seen = 0;
  for (const record of recordsOf(input)) {
    // Packs one per line (or in an array) would otherwise be read as Fact Check
    // Tools responses, which also have "claims", and refused as such.
    if (!first && looksLikeClaimlensPack(record)) {
      const single = input.kind === 'json' && Array.isArray(input.value) && input.value.length === 1;
      throw new ImportError(
        single
          ? 'this is a Claimlens pack inside an array, not data to import: a pack file holds one pack as one JSON object — remove the surrounding [ ]'
          : 'this holds several Claimlens packs (one per line, or in an array), not data to import: a pack file holds one pack, as one JSON object — put each pack in a file of its own',
      );
    }
    first ??= record;
    const format = formatOf(record);
    if (format) return format;
    if (++seen >= DETECT_RECORDS) break;
  }
  if (!first) throw new ImportError('the input holds no JSON object, so there is nothing to import');
  const keys = Object.keys(first).slice(0, 12).join(', ');
  const known = Object.values(IMPORT_FORMATS).map((d) => `  - ${d}`).join('\n');
  throw new ImportError(`unknown input format: the first record has the keys {${keys}}. Claimlens imports:\n${known}`);
}

/** Imports `input` with the importer for `format`, detecting it when not given. */
export function importInput(input: ImportInput, options: ImportOptions = {}, format: ImportFormat = detectFormat(input)): ImportResult {
  const result = IMPORTERS[format](input, options);
  // An empty pack would install as if something had been imported (and replace a pack of the same id).
  if (result.pack.claims.length === 0) {
    const { records, unmapped } = result.report;
    throw new ImportError(
      records === 0
        ? `no records to import as ${format}, so nothing was imported`
        : `no claim could be imported as ${format}: ${unmapped} of ${records} record(s) are not ${format} claims, so nothing was imported`,
    );
  }
  return result;
}
