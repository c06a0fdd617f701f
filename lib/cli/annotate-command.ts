/**
 * `claims annotate <file.html> [--json]`: runs the content script's matching
 * path (lib/page + lib/match, via findPageAnnotations) on a saved page in
 * jsdom and prints what would be highlighted.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { createMatcher } from '../match/matcher';
import { findPageAnnotations } from '../page/page-annotations';
import { compileBundledPacks } from './bundled-index';
import { answeredHelp, processIo, type CommandIo, usageError } from './command-io';

/** One line of `annotate --json` output. */
export interface AnnotateOutput {
  claimId: string;
  /** The exact page text that is highlighted. */
  text: string;
  start: number;
  end: number;
  score: number;
}

/** Annotates the HTML of a saved page, exactly as the content script would. */
export async function annotateHtml(html: string, url = 'http://127.0.0.1/'): Promise<AnnotateOutput[]> {
  const { index } = compileBundledPacks();
  const dom = new JSDOM(html, { url });
  try {
    const found = findPageAnnotations(dom.window.document, () => createMatcher(index.body.claims));
    if (!found) return [];
    return found.annotations.map((a) => ({
      claimId: a.claimId,
      text: found.model.text.slice(a.start, a.end),
      start: a.start,
      end: a.end,
      score: Number(a.score.toFixed(4)),
    }));
  } finally {
    dom.window.close();
  }
}

const USAGE = 'Usage: claims annotate <file.html> [--json]\n';

/** The command: prints JSON with --json, otherwise a readable list. Unknown options are usage errors (exit 2). */
export async function annotateCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  if (answeredHelp(io, args, USAGE)) return 0;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (error) {
    return usageError(io, (error as Error).message, USAGE);
  }
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0) {
    return usageError(io, `give one saved page (got ${parsed.positionals.length})`, USAGE);
  }
  const results = await annotateHtml(await readFile(file, 'utf8'));
  if (parsed.values.json) {
    io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return 0;
  }
  for (const r of results) io.stdout.write(`${r.claimId}\t${r.score.toFixed(3)}\t${r.text}\n`);
  io.stderr.write(`${results.length} annotation(s) on ${file}\n`);
  return 0;
}
