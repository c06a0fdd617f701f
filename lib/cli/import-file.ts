/**
 * Node side of importing: reads an input file, runs the pure importer with a
 * progress display, and validates the pack it produced. Shared by `claims
 * import`, `claims build-research-packs` and `claims measure-index`, so all
 * three convert files the same way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, type PackIssue } from '../claims/issues';
import { detectFormat, importInput, parseImportText } from '../claims/importers';
import type { ImportFormat, ImportOptions, ImportReport } from '../claims/importers';
import type { Pack, PackInput } from '../claims/schema';
import { validatePack } from '../claims/validate';
import { count, type OutputStream } from './command-io';
import { createProgress } from './progress';

/** A converted and validated input file. */
export interface ImportedFile {
  format: ImportFormat;
  /** The pack as written: defaults not filled in, `extra` kept. */
  pack: PackInput;
  /** The validated pack, when there are no errors. */
  valid?: Pack;
  report: ImportReport;
  errors: PackIssue[];
  warnings: PackIssue[];
}

/** Options of {@link importFile}: pack metadata, a forced format, and where progress goes. */
export interface ImportFileOptions extends Omit<ImportOptions, 'onProgress'> {
  format?: ImportFormat;
  progress?: OutputStream;
  quiet?: boolean;
  /** Name of the pack in validation messages; defaults to the input file. */
  packName?: string;
}

/** Reads, converts and validates `file`. Throws ImportError when the input is not importable. */
export function importFile(file: string, options: ImportFileOptions = {}): ImportedFile {
  const { format: forced, progress: stream, quiet, packName, ...meta } = options;
  const input = parseImportText(readFileSync(file, 'utf8'));
  const format = forced ?? detectFormat(input);
  const progress = stream ? createProgress(`importing ${path.basename(file)}`, stream, { quiet }) : undefined;
  const { pack, report } = importInput(input, { ...meta, onProgress: progress?.update }, format);
  progress?.finish();
  const validation = validatePack(pack, packName ?? file);
  const result: ImportedFile = { format, pack, report, errors: validation.errors, warnings: validation.warnings };
  if (validation.pack) result.valid = validation.pack;
  return result;
}

/** The one-line summary of an import, as `claims import` prints it. */
export function summarize(imported: ImportedFile): string {
  const r = imported.report;
  const parts = [
    `${count(r.claims)} claims`,
    `${count(r.actors)} actors`,
    `${count(r.reviews)} reviews`,
    `${count(r.stances)} stances`,
    `${count(r.appearances)} appearances`,
    `${count(imported.warnings.length)} warnings`,
    `${count(imported.errors.length)} errors`,
  ];
  return `${imported.format}: ${count(r.records)} records → ${parts.join(', ')}`;
}

/** Notes on what the import could not do exactly, one per line (none when it was exact). */
export function importNotes(report: ImportReport): string[] {
  const notes: string[] = [];
  if (report.unmapped > 0) notes.push(`${count(report.unmapped)} record(s) are not ${report.format} claims; kept whole under the pack's extra.unmapped`);
  if (report.empty > 0) notes.push(`${count(report.empty)} empty record(s) (null feed items) skipped`);
  if (report.guessedKinds > 0) notes.push(`${count(report.guessedKinds)} actor kind(s) guessed from the name (the input gives no type)`);
  if (report.unnormalizedRatings > 0) notes.push(`${count(report.unnormalizedRatings)} rating(s) not placed on the -1…1 scale (unknown text, no usable number)`);
  if (report.claimsWithExtra > 0) notes.push(`${count(report.claimsWithExtra)} claim(s) keep unmapped input fields under extra`);
  return notes;
}

/** Prints up to `limit` issues, then how many more there are. */
export function printIssues(stream: OutputStream, issues: readonly PackIssue[], limit = Infinity): void {
  for (const issue of issues.slice(0, limit)) stream.write(`${formatIssue(issue)}\n`);
  if (issues.length > limit) stream.write(`… and ${count(issues.length - limit)} more (use --verbose to list all)\n`);
}
