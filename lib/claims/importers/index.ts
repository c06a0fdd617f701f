/**
 * Public surface of the pack importers: pure functions from parsed input
 * (JSON values or JSONL lines) to a claim pack and a report. The command
 * line (lib/cli/import-command.ts) reads files and validates the result.
 */
export { importInput, detectFormat, formatOf, IMPORT_FORMATS, looksLikeClaimlensPack } from './detect';
export { parseImportText, inputRecords } from './records';
export type { InputRecord } from './records';
export { importClaimReview } from './claimreview';
export { importFactCheckTools } from './factcheck-tools';
export { importCheckThat2a, importCheckThat2b, POLITIFACT_RATINGS, parseStated, politifactUrl } from './checkthat';
export { normalizeRating, ratingKey } from './rating';
export type { RatingParts, NormalizedRating } from './rating';
export { toIsoDate } from './dates';
export { packIdFromFileName, slugify } from './slug';
export { guessActorKind } from './actor-kind';
export { ImportError } from './types';
export type { ImportFormat, ImportInput, ImportOptions, ImportReport, ImportResult } from './types';
