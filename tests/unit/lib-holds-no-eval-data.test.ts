// Issue rule: "lib/ holds no ids, sentences or page names from the
// evaluation data", so no figure of `npm run eval` can come from tuning to
// the test. This reads every source file under lib/ and looks for the
// CheckThat! query and claim ids, a stretch of every query and of every
// gold claim, and the news pages' distinctive names.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQrels, readQueries } from '../../lib/cli/eval/checkthat';
import { HAS_SHARED, PROJECT_ROOT, SHARED_DIR } from '../support/shared';

/** Lower-cased, white space collapsed: a copied sentence is found however it was wrapped or cased. */
const squash = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|json)$/.test(e.name))
    .map((e) => squash(readFileSync(path.join(e.parentPath, e.name), 'utf8')))
    .join('\n');
}

/** The middle 40 characters of a text of at least 40 (shorter ones are too generic to tell). */
function stretch(text: string): string | null {
  const t = squash(text).trim();
  if (t.length < 40) return null;
  const from = Math.floor((t.length - 40) / 2);
  return t.slice(from, from + 40);
}

describe.skipIf(!HAS_SHARED)('lib/ holds no evaluation data', () => {
  const lib = sourceText(path.join(PROJECT_ROOT, 'lib'));
  const checkthat = path.join(SHARED_DIR, 'data/checkthat');
  const queryFiles = ['2a/train-dev.queries.tsv', '2a/devtest.queries.tsv', '2b/train-dev.queries.tsv'];
  const qrelFiles = ['2a/train.qrels.tsv', '2a/dev.qrels.tsv', '2a/devtest.qrels.tsv', '2b/train.qrels.tsv', '2b/dev.qrels.tsv'];
  const queries = new Map(queryFiles.flatMap((f) => [...readQueries(path.join(checkthat, f))]));
  const gold = new Set(qrelFiles.flatMap((f) => [...readQrels(path.join(checkthat, f)).values()].flat()));

  it('reads the data it checks against', () => {
    expect(queries.size).toBeGreaterThan(1500);
    expect(gold.size).toBeGreaterThan(1000);
  });

  it('names no query and no claim of the benchmarks', () => {
    const ids = [...queries.keys(), ...gold].filter((id) => lib.includes(id.toLowerCase()));
    expect(ids).toEqual([]);
  });

  it('quotes no query and no gold claim', () => {
    const claimTexts = new Map<string, string>();
    for (const file of ['2a/vclaims.jsonl', '2b/politifact-vclaims.jsonl']) {
      for (const line of readFileSync(path.join(checkthat, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const c = JSON.parse(line) as { vclaim_id: string; vclaim: string };
        if (gold.has(c.vclaim_id)) claimTexts.set(c.vclaim_id, c.vclaim);
      }
    }
    expect(claimTexts.size).toBe(gold.size);
    const quoted = [...queries.values(), ...claimTexts.values()].filter((text) => {
      const s = stretch(text);
      return s !== null && lib.includes(s);
    });
    expect(quoted).toEqual([]);
  });

  it('names none of the news pages by their distinctive names', () => {
    const pages = JSON.parse(readFileSync(path.join(SHARED_DIR, 'data/news-pages/index.json'), 'utf8')) as { name: string }[];
    // Names such as "nytimes-4" or "lazy-image-3"; plain words ("aclu", "wikipedia") say nothing about a page.
    const distinctive = pages.map((p) => p.name).filter((name) => /[-_]/.test(name));
    expect(distinctive.length).toBeGreaterThan(50);
    expect(distinctive.filter((name) => lib.includes(name.toLowerCase()))).toEqual([]);
  });
});
