// Shared fixtures for the claims-*.test.ts files.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Folder of the pack fixtures, relative to the project root (vitest's cwd). */
export const PACK_FIXTURES = 'tests/fixtures/packs';

/** Path of a fixture pack as messages show it. */
export function fixturePath(name: string): string {
  return `${PACK_FIXTURES}/${name}.pack.json`;
}

/** Pack JSON typed loosely, so that a test can break any part of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests delete and retype arbitrary fields
export type LoosePack = any;

/** A fresh, mutable copy of a fixture pack's JSON. */
export function fixturePack(name: string): LoosePack {
  return JSON.parse(readFileSync(path.resolve(fixturePath(name)), 'utf8'));
}

/** "Today" pinned for date warnings. */
export const NOW = new Date('2025-06-01T12:00:00Z');
