/**
 * Node-side reading of claim pack files for the build (lib/claims stays free
 * of file access so that it also runs in the browser).
 *
 * Packs come from `assets/claims/*.pack.json`, in sorted order so that the
 * compiled index is reproducible, plus any extra files named in the
 * `CLAIMLENS_PACKS` environment variable (comma-separated, relative to the
 * current directory). The variable lets a developer try a pack, or CI feed a
 * broken one, without copying it into the tree.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CompileInput } from '../claims/compile';
import { jsonErrorPlace } from '../claims/json-position';
import { packSizeProblem } from '../claims/limits';

export { lineColumn } from '../claims/json-position';

/** Default folder of bundled packs, relative to the project root. */
export const DEFAULT_PACK_DIR = 'assets/claims';

/** Environment variable naming extra pack files. */
export const PACKS_ENV = 'CLAIMLENS_PACKS';

/** Where to look for packs. */
export interface PackSources {
  /** Project root; `dirs` and `files` are relative to it. Defaults to the current directory. */
  root?: string;
  /** Folders whose `*.pack.json` files are read. Defaults to `['assets/claims']`. */
  dirs?: string[];
  /** Extra pack files. */
  files?: string[];
  /** Environment holding `CLAIMLENS_PACKS`; defaults to `process.env`. Pass `{}` to ignore it. */
  env?: Record<string, string | undefined>;
}

/** A pack file on disk: `file` is what messages show, `absPath` what to watch. */
export interface PackFile extends CompileInput {
  absPath: string;
}

/** Thrown when pack files are missing, too large or not JSON; lists every bad file. */
export class PackReadError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot read claim packs:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'PackReadError';
  }
}

/**
 * Absolute paths of every pack file to compile: each folder's `*.pack.json`
 * sorted by name, then the extra files in the order given, without repeats.
 */
export function listPackFiles(sources: PackSources = {}): string[] {
  const root = path.resolve(sources.root ?? process.cwd());
  const found: string[] = [];
  for (const dir of sources.dirs ?? [DEFAULT_PACK_DIR]) {
    const abs = path.resolve(root, dir);
    if (!existsSync(abs)) continue; // A project may ship no bundled packs yet.
    const names = readdirSync(abs)
      .filter((name) => name.endsWith('.pack.json'))
      .sort();
    found.push(...names.map((name) => path.join(abs, name)));
  }
  found.push(...(sources.files ?? []).map((f) => path.resolve(root, f)));
  // Env paths are relative to where the command runs, as a shell user
  // expects: `npm run` moves to the project root, and says in INIT_CWD where
  // it was started.
  const env = sources.env ?? process.env;
  const cwd = env.INIT_CWD ?? process.cwd();
  for (const entry of (env[PACKS_ENV] ?? '').split(',')) {
    if (entry.trim() !== '') found.push(path.resolve(cwd, entry.trim()));
  }
  return [...new Set(found)];
}

/**
 * Reads and parses every pack file. Throws {@link PackReadError} naming each
 * missing, oversized (see lib/claims/limits.ts; checked before reading) or
 * unparsable file, with line and column for JSON syntax errors.
 */
export function readPackFiles(sources: PackSources = {}): PackFile[] {
  const root = path.resolve(sources.root ?? process.cwd());
  const packs: PackFile[] = [];
  const problems: string[] = [];
  for (const absPath of listPackFiles(sources)) {
    const file = displayPath(root, absPath);
    let text: string;
    try {
      const tooLarge = packSizeProblem(file, statSync(absPath).size);
      if (tooLarge) {
        problems.push(tooLarge);
        continue;
      }
      text = readFileSync(absPath, 'utf8');
    } catch (err) {
      problems.push(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      continue;
    }
    try {
      packs.push({ file, absPath, pack: parsePackJson(text, file) });
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) throw new PackReadError(problems);
  return packs;
}

/** Path as shown in messages: relative to the root, with forward slashes. */
export function displayPath(root: string, absPath: string): string {
  const rel = path.relative(root, absPath);
  return (rel === '' || path.isAbsolute(rel) ? absPath : rel).split(path.sep).join('/');
}

/**
 * `JSON.parse` that names the file and the line and column of a syntax error
 * (`file:3:14: invalid JSON — ...`); Node reports only a character offset.
 */
export function parsePackJson(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // Editors on Windows add a BOM.
  try {
    return JSON.parse(source);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const { line, column } = jsonErrorPlace(source, reason);
    // V8 may quote the source around the error; keep the message on one line.
    throw new SyntaxError(`${file}:${line}:${column}: invalid JSON — ${reason.replace(/\s+/g, ' ')}`);
  }
}
