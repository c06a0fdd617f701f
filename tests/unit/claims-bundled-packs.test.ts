// The packs that ship (assets/claims) are data tested like code: each must
// validate cleanly, and together they must compile.
import { describe, expect, it } from 'vitest';
import { readPackFiles } from '../../lib/build/read-packs';
import { compilePacks } from '../../lib/claims/compile';
import { formatIssue } from '../../lib/claims/issues';
import { validatePack } from '../../lib/claims/validate';

// Only the bundled packs: ignore CLAIMLENS_PACKS from the shell.
const packs = readPackFiles({ env: {} });

describe('bundled claim packs', () => {
  it('include the seed pack', () => {
    expect(packs.map((p) => p.file)).toContain('assets/claims/seed-fox-2017.pack.json');
  });

  it('validate with no errors and no warnings', () => {
    for (const { file, pack } of packs) {
      const { errors, warnings } = validatePack(pack, file);
      expect([...errors, ...warnings].map(formatIssue)).toEqual([]);
    }
  });

  it('compile together into one index', () => {
    const { index } = compilePacks(packs);
    const claimCount = packs.reduce((n, p) => n + (p.pack as { claims: unknown[] }).claims.length, 0);
    expect(index.body.claims).toHaveLength(claimCount);
    expect(index.body.packs.map((p) => p.id)).toContain('seed-fox-2017');
  });
});
