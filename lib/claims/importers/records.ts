/**
 * Turns an import input into its top-level records, each with a location for
 * messages: the elements of a JSON array, the one JSON object, or the
 * non-blank lines of a JSONL file (parsed here, so that a broken line is
 * named by its number).
 */
import { jsonDepthProblem } from '../json-depth';
import { jsonErrorPlace } from '../json-position';
import { ImportError, type ImportInput } from './types';

/** One top-level record and where it is: `$`, `$[3]` or `line 12`. */
export interface InputRecord {
  value: unknown;
  at: string;
}

/**
 * The records of `input`. A broken JSONL line is an error, not a skipped
 * record: dropping it silently would lose a claim.
 */
export function inputRecords(input: ImportInput): InputRecord[] {
  if (input.kind === 'json') {
    const { value } = input;
    return Array.isArray(value) ? value.map((item, i) => ({ value: item, at: `$[${i}]` })) : [{ value, at: '$' }];
  }
  const records: InputRecord[] = [];
  input.lines.forEach((line, i) => {
    if (line.trim() === '') return; // Blank lines (a final newline) hold nothing.
    try {
      records.push({ value: JSON.parse(line), at: `line ${i + 1}` });
    } catch (err) {
      throw new ImportError(`line ${i + 1}: invalid JSON — ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return records;
}

/**
 * Reads the text of an input file: one JSON value, or JSONL (one JSON
 * value per line) when the text as a whole is not JSON but its first
 * non-blank line is. Throws {@link ImportError} when it is neither, or
 * when it nests too deeply for the importers to walk (json-depth.ts).
 */
export function parseImportText(text: string): ImportInput {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // Editors on Windows add a BOM.
  const tooDeep = jsonDepthProblem(source);
  if (tooDeep !== null) throw new ImportError(tooDeep);
  let wholeError: unknown;
  try {
    return { kind: 'json', value: JSON.parse(source) };
  } catch (err) {
    wholeError = err;
  }
  const lines = source.split(/\r?\n/);
  const first = lines.find((line) => line.trim() !== '');
  if (first !== undefined) {
    try {
      JSON.parse(first);
      return { kind: 'jsonl', lines };
    } catch {
      // Neither JSON nor JSONL: report the error of the whole text below.
    }
  }
  const reason = wholeError instanceof Error ? wholeError.message : String(wholeError);
  const { line, column } = jsonErrorPlace(source, reason);
  // V8 may quote the source around the error; keep the message on one line.
  throw new ImportError(`the input is neither JSON nor JSONL (one JSON object per line): line ${line}, column ${column}: ${reason.replace(/\s+/g, ' ')}`);
}
