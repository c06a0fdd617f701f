// `npm run claims` runs in the project root; file names on its command line
// are relative to the folder the maintainer started it in (npm's INIT_CWD).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/shared';
import { removeTempDirs, tempDir } from './import-helpers';

afterAll(removeTempDirs);

const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const RECORD = { claimReviewed: 'Cats can read.', url: 'https://check.example/cats', author: { name: 'Check' }, reviewRating: { alternateName: 'False' } };

/** Runs `claims` as `npm run claims` does when started in `startedIn`: in the project root, with INIT_CWD set. */
function npmRunClaims(startedIn: string, args: string[], script = 'claims') {
  const env = { ...process.env, INIT_CWD: startedIn, npm_lifecycle_event: script };
  return spawnSync(TSX, ['lib/cli/claims.ts', ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
}

describe('claims file names', () => {
  it('are relative to the folder npm run was started in', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'feed.json'), JSON.stringify(RECORD));
    const run = npmRunClaims(dir, ['import', 'feed.json', '--out', 'feed.pack.json', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'feed.pack.json'), 'utf8')).claims).toHaveLength(1);
    expect(existsSync(path.join(PROJECT_ROOT, 'feed.pack.json'))).toBe(false);
  });

  it('ignore an INIT_CWD inherited from another npm script', () => {
    const dir = tempDir();
    const run = npmRunClaims(dir, ['check', 'tests/fixtures/packs/missing-field.pack.json'], 'test');
    expect(run.status).toBe(1); // read from the project root, where the fixture is
    expect(run.stderr).toMatch(/missing-field\.pack\.json: claim "flynn-misled-pence"/);
  });
});
