/**
 * `npm run --silent claims -- <command>`: the command line for claim packs.
 *
 *   annotate <file.html> [--json]   what the extension would mark on a saved page
 *   check                           validate and compile the packs the build would ship
 *
 * It uses the same lib/ code as the extension, so its answers agree with it.
 */
import { annotateCommand } from './annotate-command';
import { checkCommand } from './check-command';

const USAGE = `Usage: npm run --silent claims -- <command>

Commands:
  annotate <file.html> [--json]  Print the annotations the extension would make on a saved page
  check                          Validate and compile the bundled packs (and CLAIMLENS_PACKS)
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  annotate: annotateCommand,
  check: checkCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`claims: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
