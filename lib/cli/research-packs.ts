/**
 * The research-only packs: the CheckThat! verified-claim pools and the
 * ClaimReview records derived from the 2B pool, read in place from the
 * shared data folder. Their terms ("free for general research use") do not
 * allow shipping them, so they are built on demand into a git-ignored
 * folder, and a build that would bundle them fails (research-licence.ts).
 */
import path from 'node:path';
import type { ImportFormat, ImportOptions } from '../claims/importers';
import { RESEARCH_LICENSE } from '../claims/research-licence';
import { PROJECT_ROOT } from './bundled-index';

/** Where the shared data lives by default: `../shared/data` beside the project root. */
export const DEFAULT_SHARED_DATA_DIR = path.resolve(PROJECT_ROOT, '../shared/data');

/** Where `claims build-research-packs` writes by default (inside the git-ignored .output). */
export const DEFAULT_RESEARCH_OUT_DIR = path.join(PROJECT_ROOT, '.output/research-packs');

export { RESEARCH_LICENSE };

/** One research pack: its input file (relative to the shared data folder) and metadata. */
export interface ResearchPackSpec {
  id: string;
  file: string;
  format: ImportFormat;
  options: Omit<ImportOptions, 'onProgress'>;
}

/** The research packs, in build order. */
export const RESEARCH_PACKS: readonly ResearchPackSpec[] = [
  {
    id: 'checkthat-2a',
    file: 'checkthat/2a/vclaims.jsonl',
    format: 'checkthat-2a',
    options: { id: 'checkthat-2a', license: RESEARCH_LICENSE },
  },
  {
    id: 'checkthat-2b',
    file: 'checkthat/2b/politifact-vclaims.jsonl',
    format: 'checkthat-2b',
    options: { id: 'checkthat-2b', license: RESEARCH_LICENSE },
  },
  {
    id: 'politifact-claimreview-derived',
    file: 'claimreview/derived-politifact-claimreview.jsonl',
    format: 'claimreview',
    options: {
      id: 'politifact-claimreview-derived',
      title: 'PolitiFact claims of CheckThat! 2021 Task 2B, rewritten as ClaimReview (research use only)',
      license: RESEARCH_LICENSE,
      source: { name: 'ClaimReview records derived from CLEF CheckThat! 2021 Task 2B politifact-vclaims (not markup published by PolitiFact)' },
    },
  },
];

/** The pack file name of a research pack. */
export function researchPackFile(spec: ResearchPackSpec): string {
  return `${spec.id}.pack.json`;
}
