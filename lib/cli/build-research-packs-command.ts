/**
 * `claims build-research-packs [--out-dir DIR]`: imports the research-only
 * packs (research-packs.ts) from the shared data into a git-ignored folder,
 * validating each and all of them together (claim ids must not collide).
 * Use them with `npm run claims -- check <file>`, or with
 * `claims rank`; never copy them into assets/claims.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compilePacks, PackValidationError } from '../claims/compile';
import { answeredHelp, count, processIo, type CommandIo, usageError, writeFileWhole } from './command-io';
import { importFile, printIssues, summarize } from './import-file';
import { PROJECT_ROOT } from './bundled-index';
import { DEFAULT_RESEARCH_OUT_DIR, DEFAULT_SHARED_DATA_DIR, RESEARCH_PACKS, researchPackFile } from './research-packs';

const USAGE = `Usage: claims build-research-packs [--out-dir DIR] [--shared-dir DIR] [--quiet]

Builds the research-only packs (CheckThat! 2A Snopes, 2B PolitiFact, derived PolitiFact ClaimReview)
from the shared data (default ${path.relative(process.cwd(), DEFAULT_SHARED_DATA_DIR) || '.'}) into DIR
(default ${path.relative(process.cwd(), DEFAULT_RESEARCH_OUT_DIR)}). They are for research only: never bundle them.
`;

const NOTICE = `These claim packs are built from CLEF CheckThat! lab data, which is "free for general research use".
They are for research and evaluation only: do not bundle them into the extension, publish or redistribute them.
Rebuild with: npm run --silent claims -- build-research-packs
`;

/** Runs the command; returns the exit code. */
export async function buildResearchPacksCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  if (answeredHelp(io, args, USAGE)) return 0;
  let values;
  try {
    values = parseArgs({ args, options: { 'out-dir': { type: 'string' }, 'shared-dir': { type: 'string' }, quiet: { type: 'boolean' } } }).values;
  } catch (error) {
    return usageError(io, (error as Error).message, USAGE);
  }
  const sharedDir = path.resolve(values['shared-dir'] ?? DEFAULT_SHARED_DATA_DIR);
  const outDir = path.resolve(values['out-dir'] ?? DEFAULT_RESEARCH_OUT_DIR);
  if (!path.relative(path.join(PROJECT_ROOT, 'assets/claims'), outDir).startsWith('..')) {
    // Every pack there is bundled: research-only packs must never be.
    io.stderr.write(`--out-dir ${outDir} is inside assets/claims, whose packs ship in the extension: research packs must never ship\n`);
    return 2;
  }
  const missing = RESEARCH_PACKS.map((spec) => path.join(sharedDir, spec.file)).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    io.stderr.write(`The shared data is missing:\n${missing.map((f) => `  ${f}`).join('\n')}\nPass --shared-dir to point at it.\n`);
    return 1;
  }
  const inProject = !path.relative(PROJECT_ROOT, outDir).startsWith('..');
  if (inProject && path.relative(path.join(PROJECT_ROOT, '.output'), outDir).startsWith('..')) {
    io.stderr.write(`warning: ${outDir} is inside the project but not in .output/: make sure git ignores it\n`);
  }
  mkdirSync(outDir, { recursive: true });
  const built: { file: string; pack: unknown }[] = [];
  for (const spec of RESEARCH_PACKS) {
    const input = path.join(sharedDir, spec.file);
    const out = path.join(outDir, researchPackFile(spec));
    const imported = importFile(input, { ...spec.options, format: spec.format, progress: io.stderr, quiet: values.quiet, packName: out });
    if (imported.errors.length > 0) {
      printIssues(io.stderr, imported.errors);
      return 1;
    }
    writeFileWhole(out, `${JSON.stringify(imported.pack, null, 2)}\n`);
    built.push({ file: out, pack: imported.pack });
    if (!values.quiet) io.stderr.write(`${spec.id}: ${summarize(imported)} → ${out}\n`);
  }
  try {
    const { index } = compilePacks(built);
    io.stdout.write(`${count(index.body.claims.length)} claims in ${built.length} research packs, written to ${outDir}\n`);
  } catch (error) {
    if (!(error instanceof PackValidationError)) throw error;
    printIssues(io.stderr, error.issues);
    return 1;
  }
  writeFileSync(path.join(outDir, 'NOTICE.txt'), NOTICE);
  return 0;
}
