/**
 * `claims check [pack.json …]`: validates and compiles the packs the build
 * would ship, plus any pack files named, and reports every problem at once,
 * like the build does, without building. Named files are compiled together
 * with the bundled packs, so a claim id that clashes with them is caught too.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PackReadError } from '../build/read-packs';
import { printIssues } from './import-file';
import { PackValidationError } from '../claims/compile';
import { compileBundledPacks } from './bundled-index';
import { answeredHelp, processIo, type CommandIo, usageError } from './command-io';

const USAGE = `Usage: claims check [pack.json …]

Validates and compiles the bundled packs (assets/claims), the packs named in
CLAIMLENS_PACKS and the pack files given here, and lists every problem.
Exits 1 when any pack has an error.
`;

/** Prints warnings and a summary; exits 1 with every error when a pack is broken, 2 on a usage error. */
export async function checkCommand(args: string[] = [], io: CommandIo = processIo): Promise<number> {
  if (answeredHelp(io, args, USAGE)) return 0;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: {} });
  } catch (error) {
    return usageError(io, (error as Error).message, USAGE);
  }
  const files = parsed.positionals.map((file) => path.resolve(file));
  try {
    const { index, warnings } = compileBundledPacks(files);
    printIssues(io.stderr, warnings);
    for (const p of index.body.packs) {
      io.stdout.write(`${p.id} ${p.version}: ${p.claimCount} claims (${p.license})\n`);
    }
    io.stdout.write(`OK: ${index.body.claims.length} claims, checksum ${index.checksum}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PackValidationError) {
      printIssues(io.stderr, error.issues);
      return 1;
    }
    if (error instanceof PackReadError) {
      for (const problem of error.problems) io.stderr.write(`${problem}\n`);
      return 1;
    }
    throw error;
  }
}
