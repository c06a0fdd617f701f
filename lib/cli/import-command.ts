/**
 * `claims import <file> --out <pack.json>`: converts ClaimReview, Fact Check
 * Tools or CheckThat! input into a claim pack, validates it, and writes it
 * only when it has no errors, whole or not at all. The summary and warnings go to stderr.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { IMPORT_FORMATS, ImportError, packIdFromFileName, type ImportFormat } from '../claims/importers';
import { packSizeProblem } from '../claims/limits';
import { IdSchema, LanguageSchema } from '../claims/schema';
import { answeredHelp, processIo, type CommandIo, usageError, writeFileWhole } from './command-io';
import { importFile, importNotes, printIssues, summarize } from './import-file';

const USAGE = `Usage: claims import <file> --out <pack.json> [options]

Converts fact-check data into a claim pack (format detected from the content):
${Object.entries(IMPORT_FORMATS).map(([id, d]) => `  ${id.padEnd(16)} ${d}`).join('\n')}

Options:
  --out <file>        Pack to write ("-" for stdout)
  --id <id>           Pack id (claim ids become <id>:<local id>); default: the
                      --out file's name ("afp.pack.json" → afp), else the input's
  --title <text>      Pack title
  --license <text>    Pack licence (say what the source allows)
  --version <v>       Pack version (default 1.0.0)
  --language <tag>    Language tag (default: the records' one language, else en)
  --source-name <n>   Name of the source; --source-url <url> its address
  --format <f>        Skip detection and use this format
  --quiet             No progress, no summary; errors only
  --verbose           List every validation warning (default: the first 10)
`;

const WARNING_LIMIT = 10;

/** Runs the command; returns the exit code (2 for usage errors, 1 for import or pack errors). */
export async function importCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  if (answeredHelp(io, args, USAGE)) return 0;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' }, license: { type: 'string' },
        version: { type: 'string' }, language: { type: 'string' }, 'source-name': { type: 'string' }, 'source-url': { type: 'string' },
        format: { type: 'string' }, quiet: { type: 'boolean' }, verbose: { type: 'boolean' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, USAGE);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined || values.out === undefined) {
    const why = positionals.length !== 1 ? `give one input file (got ${positionals.length})` : 'give --out <pack.json> (or "-" for stdout)';
    return usageError(io, why, USAGE);
  }
  // Checked here, so that a bad value is named as the option it is, not as a field of a file never written.
  for (const [option, value, schema] of [['--id', values.id, IdSchema], ['--language', values.language, LanguageSchema]] as const) {
    const checked = value === undefined ? null : v.safeParse(schema, value);
    if (checked && !checked.success) {
      io.stderr.write(`${option} "${value}": ${checked.issues[0].message}\n`);
      return 2;
    }
  }
  if (values.format !== undefined && !(values.format in IMPORT_FORMATS)) {
    io.stderr.write(`unknown --format "${values.format}"; use one of: ${Object.keys(IMPORT_FORMATS).join(', ')}\n`);
    return 2;
  }
  if (values['source-url'] !== undefined && values['source-name'] === undefined) {
    // The URL alone would be paired with the format's default source name, which it may not belong to.
    return usageError(io, `--source-url needs --source-name: name the source the URL belongs to`, USAGE);
  }
  const source = values['source-name'] === undefined ? undefined : { name: values['source-name'], ...(values['source-url'] ? { url: values['source-url'] } : {}) };
  const quiet = values.quiet === true;
  let imported;
  try {
    imported = importFile(file, {
      id: values.id ?? packIdFromFileName(values.out === '-' ? file : values.out), title: values.title, license: values.license, version: values.version, language: values.language, source,
      format: values.format as ImportFormat | undefined,
      progress: io.stderr, quiet,
      packName: values.out === '-' ? `${file} (converted)` : values.out,
    });
  } catch (error) {
    if (error instanceof ImportError) {
      io.stderr.write(`${file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (imported.errors.length > 0) {
    printIssues(io.stderr, imported.errors);
    io.stderr.write(`${file}: ${summarize(imported)} — not written\n`);
    return 1;
  }
  const json = `${JSON.stringify(imported.pack, null, 2)}\n`;
  // A pack over the limit would be refused by `claims check`, the build and the options page alike.
  const tooBig = packSizeProblem(values.out === '-' ? 'the pack' : values.out, Buffer.byteLength(json));
  if (tooBig) {
    io.stderr.write(`${tooBig.replace(/; it was not read$/, '')}: import the input in parts — not written\n`);
    return 1;
  }
  if (values.out === '-') io.stdout.write(json);
  else {
    try {
      writeFileWhole(values.out, json);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      io.stderr.write(`${values.out}: cannot write the pack (${code}) — not written; any file already there is unchanged\n`);
      return 1;
    }
  }
  if (!quiet) {
    printIssues(io.stderr, imported.warnings, values.verbose ? Infinity : WARNING_LIMIT);
    for (const note of importNotes(imported.report)) io.stderr.write(`note: ${note}\n`);
    io.stderr.write(`${file}: ${summarize(imported)} → ${values.out === '-' ? 'stdout' : values.out}\n`);
  }
  return 0;
}
