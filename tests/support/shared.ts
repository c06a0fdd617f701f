/**
 * Where the read-only shared material lives (../shared beside the project
 * root) and how tests that need it behave when it is absent: they skip with
 * a clear message, and fail if it is present but broken.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(PROJECT_ROOT, '../shared');
export const SEED_DIR = path.join(SHARED_DIR, 'fixtures/seed-article');
export const HAS_SHARED = existsSync(path.join(SEED_DIR, 'expected.json'));

if (!HAS_SHARED) {
  console.warn(`[claimlens tests] ${SHARED_DIR} is absent: tests that read the shared fixtures are skipped.`);
}

/** A mention of the seed oracle. */
export interface SeedMention {
  text: string;
  claims: string[];
  required: boolean;
}

/** The seed oracle (expected.json). */
export interface SeedExpected {
  source: { outlet: string; published: string; title: string };
  rules: string[];
  claims: { id: string; claim: string; assertedBy: string[]; deniedBy: string[] }[];
  mentions: SeedMention[];
}

/** Reads the seed oracle. */
export function readSeedExpected(): SeedExpected {
  return JSON.parse(readFileSync(path.join(SEED_DIR, 'expected.json'), 'utf8')) as SeedExpected;
}

/** Reads the seed page's HTML. */
export function readSeedHtml(): string {
  return readFileSync(path.join(SEED_DIR, 'index.html'), 'utf8');
}

/** The oracle's whitespace rule: every run of Unicode white space becomes one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
