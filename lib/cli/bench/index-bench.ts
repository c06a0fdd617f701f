/**
 * What the compiled index costs: its size, the time to load it and build a
 * matcher (against a bare JSON.parse of the same file, the floor of any
 * JSON index), and the heap it holds once loaded, measured in a clean
 * child process (heap-child.ts).
 *
 * The indexes are compiled from real packs by the same importers and
 * compiler as `claims build-research-packs`: the bundled packs, the 19k
 * PolitiFact pack (CheckThat! 2B) and 100k claims (2A + 2B + synthetic
 * filler, labelled as such).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, type CompileInput } from '../../claims/compile';
import { loadIndex } from '../../claims/load-index';
import type { PackInput } from '../../claims/schema';
import { createMatcher } from '../../match/matcher';
import { readPackFiles } from '../../build/read-packs';
import { PROJECT_ROOT } from '../bundled-index';
import { importFile } from '../import-file';
import { RESEARCH_PACKS } from '../research-packs';
import { syntheticPack } from '../synthetic-pack';
import type { HeapReport } from './heap-child';
import { median, timed } from './stats';

const HEAP_CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'heap-child.ts');

/** The CheckThat! packs, imported once (the 2B pack is also what the Chromium bench bundles). */
export interface ResearchPacks {
  a2: PackInput;
  b2: PackInput;
}

/** Imports the 2A and 2B pools into packs; throws if the importer reports errors. */
export function importResearchPacks(sharedDir: string): ResearchPacks {
  const load = (id: string): PackInput => {
    const spec = RESEARCH_PACKS.find((s) => s.id === id);
    if (!spec) throw new Error(`no research pack ${id}`);
    const imported = importFile(path.join(sharedDir, 'data', spec.file), { ...spec.options, format: spec.format });
    if (imported.errors.length > 0) throw new Error(`${spec.file}: ${imported.errors.length} import errors; run claims import on it`);
    return imported.pack;
  };
  return { a2: load('checkthat-2a'), b2: load('checkthat-2b') };
}

/** One index to measure. */
export interface IndexSpec {
  label: string;
  inputs: CompileInput[];
  /** Synthetic claims among them. */
  synthetic: number;
}

/** The packs the extension ships (assets/claims). */
export function bundledIndexSpec(): IndexSpec {
  return { label: 'bundled packs (shipped)', inputs: readPackFiles({ root: PROJECT_ROOT, env: {} }), synthetic: 0 };
}

/** The bundled packs, the 19k 2B pack, and `largeSize` claims of 2A + 2B + synthetic filler. */
export function indexSpecs(packs: ResearchPacks, largeSize: number): IndexSpec[] {
  const real = packs.a2.claims.length + packs.b2.claims.length;
  const fill = Math.max(0, largeSize - real);
  const texts = [...packs.a2.claims, ...packs.b2.claims].map((c) => c.text);
  const large: CompileInput[] = [
    { file: 'checkthat-2a.pack.json', pack: packs.a2 },
    { file: 'checkthat-2b.pack.json', pack: packs.b2 },
    ...(fill > 0 ? [{ file: 'synthetic-filler.pack.json', pack: syntheticPack(texts, fill) }] : []),
  ];
  return [
    bundledIndexSpec(),
    { label: 'PolitiFact 2B pack (real)', inputs: [{ file: 'checkthat-2b.pack.json', pack: packs.b2 }], synthetic: 0 },
    { label: `2A + 2B${fill > 0 ? ' + SYNTHETIC' : ''}`, inputs: large, synthetic: fill },
  ];
}

/** The measured cost of one index. */
export interface IndexCost {
  label: string;
  claims: number;
  synthetic: number;
  /** Compiled index JSON, bytes (UTF-8). */
  bytes: number;
  bytesPerClaim: number;
  /** Medians, ms. */
  jsonParseMs: number;
  loadIndexMs: number;
  createMatcherMs: number;
  heap: HeapReport;
}

/** Runs heap-child.ts on an index file; `textFile` holds a page text for the messaging estimate. */
export function measureHeap(indexFile: string, textFile: string): HeapReport {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', HEAP_CHILD, indexFile, textFile], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`heap-child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as HeapReport;
}

/**
 * Compiles `spec`, writes the index to `workDir`, and measures it: `runs`
 * timed loads after one warm-up (one cold load above 50k claims, where a
 * load takes seconds), then the heap in a child process.
 */
export function measureIndexCost(spec: IndexSpec, workDir: string, textFile: string, runs: number): IndexCost {
  const compiled = compilePacks(spec.inputs).index;
  const timedRuns = compiled.body.claims.length > 50_000 ? 1 : runs;
  const json = JSON.stringify(compiled);
  const file = path.join(workDir, `index-${spec.label.replace(/[^a-z0-9]+/gi, '-')}.json`);
  writeFileSync(file, json);
  const parse: number[] = [];
  const load: number[] = [];
  const build: number[] = [];
  let claims = 0;
  // Above 50k claims one load takes seconds and is its own warm-up: no untimed run.
  const warmups = compiled.body.claims.length > 50_000 ? 0 : 1;
  for (let run = 1 - warmups; run <= timedRuns; run++) {
    const parsed = timed(() => JSON.parse(json) as unknown);
    const loaded = timed(() => loadIndex(json));
    const matcher = timed(() => createMatcher(loaded.value.body.claims));
    claims = loaded.value.body.claims.length;
    if (run < 1) continue; // warm-up
    parse.push(parsed.ms);
    load.push(loaded.ms);
    build.push(matcher.ms);
  }
  const bytes = Buffer.byteLength(json);
  return {
    label: spec.label,
    claims,
    synthetic: spec.synthetic,
    bytes,
    bytesPerClaim: bytes / Math.max(1, claims),
    jsonParseMs: median(parse),
    loadIndexMs: median(load),
    createMatcherMs: median(build),
    heap: measureHeap(file, textFile),
  };
}
