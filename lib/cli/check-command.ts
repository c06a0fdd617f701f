/**
 * `claims check`: validates and compiles the packs the build would ship and
 * reports every problem at once, like the build does, without building.
 */
import { formatIssue } from '../claims/issues';
import { PackValidationError } from '../claims/compile';
import { compileBundledPacks } from './bundled-index';

/** Prints warnings and a summary; exits 1 with every error when a pack is broken. */
export async function checkCommand(): Promise<number> {
  try {
    const { index, warnings } = compileBundledPacks();
    for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
    for (const p of index.body.packs) {
      process.stdout.write(`${p.id} ${p.version}: ${p.claimCount} claims (${p.license})\n`);
    }
    process.stdout.write(`OK: ${index.body.claims.length} claims, checksum ${index.checksum}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PackValidationError) {
      for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      return 1;
    }
    throw error;
  }
}
