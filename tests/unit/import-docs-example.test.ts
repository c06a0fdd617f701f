// docs/pack-format.md's complete example must stay a valid pack with no warnings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePacks } from '../../lib/claims/compile';
import { validatePack } from '../../lib/claims/validate';
import { PROJECT_ROOT } from '../support/shared';
import { NOW } from './import-helpers';

describe('docs/pack-format.md', () => {
  it('shows a complete example that validates and compiles without warnings', () => {
    const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/pack-format.md'), 'utf8');
    const block = /## A complete small example\s+```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const pack = JSON.parse(block!) as Record<string, unknown>;
    const result = validatePack(pack, 'docs/pack-format.md', { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    // Every claim field is shown, so the example documents them all.
    expect(Object.keys((pack.claims as Record<string, unknown>[])[0]!).sort()).toEqual(
      ['appearances', 'entities', 'extra', 'id', 'paraphrases', 'reviews', 'sourceId', 'stances', 'text', 'topics'],
    );
    const { index } = compilePacks([{ file: 'example', pack }], { now: NOW });
    expect(index.body.claims[0]!.stances[0]!.actor.name).toBe('Mike Pence');
  });
});
