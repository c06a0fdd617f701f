/**
 * Child process of the index bench: heap cost of one compiled index, measured
 * in a fresh Node (`node --expose-gc --import tsx heap-child.ts <index.json>`)
 * so that nothing else the bench has loaded sits in the same heap.
 *
 * Prints one JSON line: heap deltas (bytes, after a full GC) of the parsed
 * index, and of the matcher built on top of it, plus the cost of handing a
 * page's text to another context (structured clone, as extension messaging
 * does in Firefox; Chromium serialises messages as JSON) for the design
 * that matches in the background instead of in every tab.
 */
import { readFileSync } from 'node:fs';
import { INDEX_FORMAT, INDEX_VERSION, indexChecksum } from '../../claims/index-format';
import { loadIndex } from '../../claims/load-index';
import type { RuntimeIndexBody } from '../../claims/runtime-types';
import { createMatcher } from '../../match/matcher';
import { median, timed } from './stats';

/** What the child reports. */
export interface HeapReport {
  /** Heap held by the loaded index (loadIndex: parsed claims), bytes. */
  indexBytes: number;
  /** Heap added by createMatcher on top of the index, bytes. */
  matcherBytes: number;
  /** Median ms to send a page text of `textChars` characters and get a small answer back, structured clone. */
  cloneMs: number;
  /** The same through JSON (stringify + parse both ways). */
  jsonMs: number;
  textChars: number;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('heap-child needs node --expose-gc');
  collect();
  collect();
}

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Runs loadIndex and createMatcher once on a tiny index of other words, so
 * that compiling their code is not counted as the measured index's heap
 * (the stem cache stays nearly empty: its growth is the matcher's cost).
 */
function warmUp(): void {
  const body: RuntimeIndexBody = { packs: [], claims: [] };
  loadIndex(JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION, checksum: indexChecksum(body), body }));
  const claim = { id: 'warm', text: 'Zyx qwv warmed the matcher before measuring', paraphrases: [], entities: [] };
  createMatcher([claim]).match('Zyx qwv warmed the matcher before measuring anything.');
}

function main(): void {
  const [indexFile, textFile] = process.argv.slice(2);
  if (!indexFile || !textFile) throw new Error('usage: heap-child <index.json> <page-text.txt>');
  const raw = readFileSync(indexFile, 'utf8');
  const text = readFileSync(textFile, 'utf8');
  warmUp();
  const before = heapUsed();
  const index = loadIndex(raw);
  const afterIndex = heapUsed();
  const matcher = createMatcher(index.body.claims);
  const afterMatcher = heapUsed();
  // Keep both alive until measured (and use the matcher, so nothing is optimised away).
  if (matcher.match('').length > 0 || index.body.claims.length < 0) process.exitCode = 3;

  // A round trip: the page's text one way, a few annotations back.
  const answer = [{ claimId: 'politifact-12345', start: 1200, end: 1320, score: 0.71 }];
  const viaClone = () => [structuredClone({ text }), structuredClone(answer)];
  const viaJson = () => [JSON.parse(JSON.stringify({ text })) as unknown, JSON.parse(JSON.stringify(answer)) as unknown];
  // 30 runs, the first 5 discarded as warm-up.
  const clone = Array.from({ length: 30 }, () => timed(viaClone).ms).slice(5);
  const json = Array.from({ length: 30 }, () => timed(viaJson).ms).slice(5);
  const report: HeapReport = {
    indexBytes: afterIndex - before,
    matcherBytes: afterMatcher - afterIndex,
    cloneMs: median(clone),
    jsonMs: median(json),
    textChars: text.length,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
