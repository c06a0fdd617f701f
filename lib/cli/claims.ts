/**
 * `npm run --silent claims -- <command>`: the command line for claim packs.
 *
 *   annotate <file.html> [--json]   what the extension would mark on a saved page
 *   check [pack.json …]             validate and compile the packs the build would ship, and those named
 *   import <file> --out <pack>      convert ClaimReview / Fact Check Tools / CheckThat! data into a pack
 *   rank --pack <p> --queries <q>   TREC run of claim retrieval, for benchmarks
 *   build-research-packs            research-only packs from the shared data, into .output/
 *   measure-index                   size and speed of the compiled index at 19k and 100k claims
 *
 * It uses the same lib/ code as the extension, so its answers agree with it.
 */
import { annotateCommand } from './annotate-command';
import { buildResearchPacksCommand } from './build-research-packs-command';
import { checkCommand } from './check-command';
import { importCommand } from './import-command';
import { measureIndexCommand } from './measure-index-command';
import { rankCommand } from './rank-command';

const USAGE = `Usage: npm run --silent claims -- <command>

Commands:
  annotate <file.html> [--json]  Print the annotations the extension would make on a saved page
  check [pack.json …]            Validate and compile the bundled packs, CLAIMLENS_PACKS and the packs named
  import <file> --out <pack.json> [--id ID --title T --license L …]
                                 Convert ClaimReview, Fact Check Tools or CheckThat! data into a pack
  rank --pack <pack.json> --queries <file.tsv> [--top 5 --ids claim|source --qrels <file> --tag T]
                                 Print a TREC run ranking the pack's claims for each query
  build-research-packs [--out-dir .output/research-packs --shared-dir DIR --quiet]
                                 Build the research-only packs from ../shared/data (never bundled)
  measure-index [--total 100000 --runs 3 --shared-dir DIR --json]
                                 Index size per claim, compile, load and matcher times

"<command> --help" lists a command's options.
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  annotate: annotateCommand,
  check: checkCommand,
  import: importCommand,
  rank: rankCommand,
  'build-research-packs': buildResearchPacksCommand,
  'measure-index': measureIndexCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    // Help that was asked for is output (exit 0); a missing or unknown command is an error.
    if (name === '--help' || name === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(name === undefined ? USAGE : `unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return command(args);
}

// `npm run claims` moves to the project root and says in INIT_CWD where it was
// started; a maintainer in a folder of their packs names files relative to it.
// Only for this script: under another one (`npm test` spawning the CLI) INIT_CWD
// is where that one started, not this process's working folder.
if (process.env.npm_lifecycle_event === 'claims' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`claims: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
