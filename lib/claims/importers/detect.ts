/**
 * Picks the importer for an input by looking at its first record, and runs
 * it. Detection is by shape, not by file name, so a renamed download still
 * imports, and an unknown shape fails with the keys it did find.
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

/** The first object in a value, looking into arrays (nulls are skipped). */
function firstObject(value: unknown): JsonObject | undefined {
  if (isObject(value)) return value;
  if (!Array.isArray(value)) return undefined;
  for (const item of value) {
    const found = firstObject(item);
    if (found) return found;
  }
  return undefined;
}

/** The first record of the input that is an object. */
function firstRecord(input: ImportInput): JsonObject | undefined {
  if (input.kind === 'json') return firstObject(input.value);
  for (const [i, line] of input.lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new ImportError(`line ${i + 1}: invalid JSON — ${err instanceof Error ? err.message : String(err)}`);
    }
    const found = firstObject(value);
    if (found) return found;
  }
  return undefined;
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
 * The format of `input`, from its first record. Throws {@link ImportError}
 * naming the keys it found when no importer knows the shape.
 */
export function detectFormat(input: ImportInput): ImportFormat {
  const first = firstRecord(input);
  if (!first) throw new ImportError('the input holds no JSON object, so there is nothing to import');
  const format = formatOf(first);
  if (format) return format;
  const keys = Object.keys(first).slice(0, 12).join(', ');
  const known = Object.values(IMPORT_FORMATS).map((d) => `  - ${d}`).join('\n');
  throw new ImportError(`unknown input format: the first record has the keys {${keys}}. Claimlens imports:\n${known}`);
}

/** Imports `input` with the importer for `format`, detecting it when not given. */
export function importInput(input: ImportInput, options: ImportOptions = {}, format: ImportFormat = detectFormat(input)): ImportResult {
  return IMPORTERS[format](input, options);
}
