/**
 * Where a command writes. Commands take it as a parameter (defaulting to the
 * process's streams) so that tests can run them in-process and read their
 * output, instead of spawning a shell for every case.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A stream a command writes text to; `isTTY` and `columns` shape progress bars. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A command's output: results on stdout, progress and diagnostics on stderr. */
export interface CommandIo {
  stdout: OutputStream;
  stderr: OutputStream;
}

/** The process's own streams. */
export const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

let pipeHandled = false;

/**
 * Ends the process quietly when stdout's reader goes away: `claims rank … |
 * head` closing the pipe early is the reader's choice, not an error. Only
 * for the real process streams; tests pass their own.
 */
export function exitQuietlyOnClosedPipe(io: CommandIo): void {
  if (io !== processIo || pipeHandled) return;
  pipeHandled = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

/** Collects everything written, for tests. */
export function memoryIo(): CommandIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** "19250" → "19,250": counts in summaries are read by people. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Answers `--help` or `-h` (before any `--`): writes `usage` to stdout and
 * returns true, so that the command returns 0. Asked-for help is the
 * command's output, not a usage error.
 */
export function answeredHelp(io: CommandIo, args: readonly string[], usage: string): boolean {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  if (!options.some((arg) => arg === '--help' || arg === '-h')) return false;
  io.stdout.write(usage);
  return true;
}

/** Writes `problem` and the command's `usage` to stderr, and gives the usage-error exit code, 2. */
export function usageError(io: CommandIo, problem: string, usage: string): 2 {
  io.stderr.write(`${problem}\n\n${usage}`);
  return 2;
}

/**
 * Writes `text` to `file` whole or not at all: into a temporary file beside
 * it, then renamed over it (atomic on one file system). A write that fails
 * part-way (a full disk, Ctrl-C) leaves the previous file as it was, never
 * a truncated pack that a later build or import would choke on.
 */
export function writeFileWhole(file: string, text: string): void {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
