// `--help` on every `claims` command: the usage on stdout and exit code 0, as
// a maintainer expects, not "Unknown option '--help'" and exit code 2.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateCommand } from '../../lib/cli/annotate-command';
import { buildResearchPacksCommand } from '../../lib/cli/build-research-packs-command';
import { checkCommand } from '../../lib/cli/check-command';
import { memoryIo, type CommandIo } from '../../lib/cli/command-io';
import { importCommand } from '../../lib/cli/import-command';
import { measureIndexCommand } from '../../lib/cli/measure-index-command';
import { rankCommand } from '../../lib/cli/rank-command';
import { PROJECT_ROOT } from '../support/shared';

const COMMANDS: [string, (args: string[], io: CommandIo) => Promise<number>][] = [
  ['annotate', annotateCommand],
  ['check', checkCommand],
  ['import', importCommand],
  ['rank', rankCommand],
  ['build-research-packs', buildResearchPacksCommand],
  ['measure-index', measureIndexCommand],
];

describe('claims <command> --help', () => {
  for (const [name, command] of COMMANDS) {
    it(`${name}: --help and -h print the usage on stdout and exit 0, doing nothing else`, async () => {
      for (const flag of ['--help', '-h']) {
        const io = memoryIo();
        expect(await command([flag], io)).toBe(0);
        expect(io.out()).toMatch(new RegExp(`^Usage: claims ${name}\\b`));
        expect(io.err()).toBe('');
      }
    });
  }

  it('a "--help" after "--" is an argument, not a request for help', async () => {
    const io = memoryIo();
    expect(await checkCommand(['--', '--help'], io)).toBe(1); // a pack file named "--help", which does not exist
    expect(io.out()).toBe('');
  });

  it('the claims command line answers --help on stdout with 0, and an unknown command on stderr with 2', () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
    const help = execFileSync(tsx, ['lib/cli/claims.ts', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(help).toMatch(/^Usage: npm run --silent claims -- <command>[\s\S]*check \[pack\.json …\]/);
    const unknown = spawnSync(tsx, ['lib/cli/claims.ts', 'chek'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^unknown command "chek"\n\nUsage:/);
  });
});
