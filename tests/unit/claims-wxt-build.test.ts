// The acceptance check for broken packs: the real `wxt build` must fail and
// say which file, claim and field to fix.
//
// The build runs with its own --mode, so WXT writes (and first empties) only
// .output/chrome-mv3-claimlens-broken-pack and leaves .output/chrome-mv3,
// which the E2E tests load, alone. WXT has no CLI flag for the output folder;
// the mode suffix is how it keeps builds apart.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from './claims-helpers';

const MODE = 'claimlens-broken-pack';
const OUT_DIR = `.output/chrome-mv3-${MODE}`;

afterAll(() => {
  rmSync(OUT_DIR, { recursive: true, force: true });
});

describe('npx wxt build with broken packs', () => {
  it('fails, naming the file, claim id and field of every error', () => {
    // Vitest's own variables (NODE_ENV=test, VITEST*) must not leak into the build.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
    const packs = ['missing-field', 'unknown-actor', 'duplicate-id'].map(fixturePath).join(',');
    const run = spawnSync('npx', ['wxt', 'build', '--mode', MODE], {
      env: { ...env, CLAIMLENS_PACKS: packs, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(run.error).toBeUndefined();
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('Claim packs have 3 errors:');
    expect(output).toContain(
      'tests/fixtures/packs/missing-field.pack.json: claim "flynn-misled-pence" ($.claims[1].text): field "text": required field is missing',
    );
    expect(output).toContain(
      'tests/fixtures/packs/unknown-actor.pack.json: claim "flynn-misled-pence" ($.claims[1].stances[0].actor): field "actor": unknown actor "pence2"',
    );
    expect(output).toContain(
      'tests/fixtures/packs/duplicate-id.pack.json: claim "flynn-discussed-sanctions" ($.claims[1].id): field "id": duplicate claim id',
    );
  }, 150_000);
});
