// Hostile and broken pack files: each is refused with a message that names
// the file (or imported quickly and correctly), never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { preparePack, type RejectedPack } from '../../lib/storage/import-pack';
import { MAX_JSON_DEPTH } from '../../lib/claims/json-depth';

const NOTHING_TAKEN = { fixedPackIds: new Set<string>(), claimIdsByPack: new Map<string, Set<string>>() };

/** Installs `text` as the file `file`, as the options page does. */
function install(text: string, file = 'hostile.json') {
  return preparePack(file, text, text.length, NOTHING_TAKEN);
}

function rejected(text: string, file = 'hostile.json'): RejectedPack {
  const result = install(text, file);
  expect(result.ok).toBe(false);
  return result as RejectedPack;
}

describe('deeply nested input', () => {
  const review = '{"@type":"ClaimReview","claimReviewed":"Tolls on the harbour bridge doubled"}';

  it('is refused with a message naming the file and where, not a stack overflow', () => {
    const cases: [string, number][] = [
      ['['.repeat(100_000) + ']'.repeat(100_000), MAX_JSON_DEPTH + 1],
      // {"@graph":[ opens two levels in 11 characters; level 257 is the `{` of the 129th.
      ['{"@graph":['.repeat(20_000) + review + ']}'.repeat(20_000), 128 * 11 + 1],
    ];
    for (const [text, column] of cases) {
      const { errors } = rejected(text);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: 'hostile.json', path: '$' });
      expect(errors[0]!.message).toContain(`more than ${MAX_JSON_DEPTH} levels deep (line 1, column ${column})`);
    }
  });

  it('counts brackets inside strings as text, and takes nesting up to the limit', () => {
    const text = `[${'['.repeat(MAX_JSON_DEPTH - 2)}{"@type":"ClaimReview","claimReviewed":"Bridge [[[[ tolls {{{{ doubled"}${']'.repeat(MAX_JSON_DEPTH - 2)}]`;
    expect(install(text).ok).toBe(true);
  });
});
