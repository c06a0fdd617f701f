// Shared helpers for the tests/unit/import-*.test.ts files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportInput } from '../../lib/claims/importers';
import type { PackInput } from '../../lib/claims/schema';
import { HAS_SHARED, SHARED_DIR } from '../support/shared';

/** The shared data sets, read in place (never copied into the repo). */
export const CLAIMREVIEW_DIR = path.join(SHARED_DIR, 'data/claimreview');
export const CHECKTHAT_DIR = path.join(SHARED_DIR, 'data/checkthat');

/** Suffix for describe titles of tests that need ../shared, so a skip says why. */
export const SHARED_NOTE = HAS_SHARED ? '' : ` (skipped: ${SHARED_DIR} is absent)`;

/** "Today" pinned for validation's future-date warning. */
export const NOW = new Date('2025-06-01T12:00:00Z');

/** A JSON value as importer input. */
export function json(value: unknown): ImportInput {
  return { kind: 'json', value };
}

/** Records as JSONL importer input. */
export function jsonl(values: unknown[]): ImportInput {
  return { kind: 'jsonl', lines: [...values.map((v) => JSON.stringify(v)), ''] };
}

/** Reads a shared file as text; fails (not skips) when ../shared is present but the file is not. */
export function readShared(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

const tempDirs: string[] = [];

/** A fresh temporary folder, outside the repo; {@link removeTempDirs} deletes it. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimlens-import-'));
  tempDirs.push(dir);
  return dir;
}

/** Deletes the folders made by {@link tempDir} (call it in afterAll). */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

type Claim = PackInput['claims'][number];

/** Primitive leaves of a JSON value (strings and numbers), skipping `@context` and `@type` (structure, not data). */
export function leaves(value: unknown, out: (string | number)[] = []): (string | number)[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (key !== '@context' && key !== '@type') leaves(v, out);
  }
  return out;
}

// Actors by id per pack: lostLeaves runs once per claim of 19,250-claim packs.
const actorMaps = new WeakMap<PackInput, Map<string, NonNullable<PackInput['actors']>[number]>>();

/**
 * The input leaves of `raw` that appear nowhere in the imported claim (its
 * fields, its `extra`, or the names and roles of its actors). A date counts
 * as kept when its calendar day is, and the numbers of a rating labelled by
 * its scale ("1/6") count as kept. Empty means nothing was lost.
 */
export function lostLeaves(raw: unknown, claim: Claim, pack: PackInput): (string | number)[] {
  let actors = actorMaps.get(pack);
  if (!actors) {
    actors = new Map((pack.actors ?? []).map((a) => [a.id, a]));
    actorMaps.set(pack, actors);
  }
  const kept = new Set<string>();
  for (const leaf of leaves(claim)) kept.add(String(leaf));
  for (const review of claim.reviews ?? []) {
    const scale = /^(-?[\d.]+)\/(-?[\d.]+)$/.exec(review.rating);
    if (scale) kept.add(scale[1]!).add(scale[2]!);
  }
  for (const stance of claim.stances ?? []) {
    const actor = actors.get(stance.actor);
    if (actor) for (const leaf of leaves(actor)) kept.add(String(leaf));
  }
  return leaves(raw).filter((leaf) => {
    const text = String(leaf).trim();
    if (text === '' || kept.has(text)) return false;
    const day = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(text)?.[1];
    return day === undefined || !kept.has(day);
  });
}
