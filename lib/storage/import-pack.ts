/**
 * Turning a file the user picked into a compiled, validated pack, without
 * touching storage: parse, convert (native `claimlens-pack/1`, or any format
 * lib/claims/importers detects, such as ClaimReview), validate, compile, and
 * check ids against what is installed. Every problem is reported at once, in
 * the shape the build uses (PackIssue), so the options page can list them.
 */
import { compilePacks, PackValidationError } from '../claims/compile';
import { detectFormat, importInput, ImportError, looksLikeClaimlensPack, packIdFromFileName, parseImportText } from '../claims/importers';
import { duplicateClaimIdIssue, type PackIssue } from '../claims/issues';
import { MAX_PACK_BYTES, packSizeProblem } from '../claims/limits';
import type { RuntimeIndex } from '../claims/runtime-types';

/** Ids already in use, which an imported pack must not reuse. */
export interface TakenIds {
  /** Pack ids that cannot be replaced (bundled packs). */
  fixedPackIds: ReadonlySet<string>;
  /** Claim ids of every installed pack, by pack id. */
  claimIdsByPack: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A pack ready to be stored. */
export interface PreparedPack {
  ok: true;
  index: RuntimeIndex;
  /** `claimlens-pack/1`, or the import format it was converted from. */
  importedFrom: string;
  warnings: PackIssue[];
}

/** Why a file cannot be installed; nothing was changed. */
export interface RejectedPack {
  ok: false;
  errors: PackIssue[];
}

/** Native pack format tag. */
const NATIVE_FORMAT = 'claimlens-pack/1';

/** Most collisions listed for one file: the rest would say the same. */
const MAX_COLLISIONS = 50;

function fileIssue(file: string, message: string): PackIssue {
  return { file, path: '$', field: '(pack)', message, severity: 'error' };
}

function noClaimsIssue(file: string): PackIssue {
  return { ...fileIssue(file, 'the pack holds no claims, so it was not installed — add at least one claim to "claims"'), path: '$.claims', field: 'claims' };
}

/** The pack input in `text`: native as is, anything else through the importers. */
function toPackInput(file: string, text: string): { pack: unknown; importedFrom: string } {
  const input = parseImportText(text);
  if (input.kind === 'json') {
    // A file that says it is a pack (even a broken one, or one without its
    // "format") is validated as a pack, so its errors name pack fields rather
    // than "unknown input format", and it is never read as another format.
    if (looksLikeClaimlensPack(input.value)) return { pack: input.value, importedFrom: NATIVE_FORMAT };
  }
  const format = detectFormat(input);
  return { pack: importInput(input, { id: packIdFromFileName(file), title: file.replace(/\.[^.]*$/, '') }, format).pack, importedFrom: format };
}

/** Claim ids of `index` that another installed pack already uses. */
function collisions(file: string, index: RuntimeIndex, taken: TakenIds): PackIssue[] {
  const errors: PackIssue[] = [];
  const packId = index.body.packs[0]!.id;
  if (taken.fixedPackIds.has(packId)) {
    errors.push({ ...fileIssue(file, `pack id "${packId}" belongs to a pack that ships with Claimlens — give the pack another id`), path: '$.id', field: 'id' });
  }
  index.body.claims.forEach((claim, i) => {
    if (errors.length >= MAX_COLLISIONS) return;
    for (const [otherPack, ids] of taken.claimIdsByPack) {
      if (otherPack === packId || !ids.has(claim.id)) continue;
      errors.push(duplicateClaimIdIssue(file, i, claim.id, `already used by the installed pack "${otherPack}"`));
      return;
    }
  });
  return errors;
}

/**
 * Prepares the file `file` (its name) with contents `text` for installing.
 * `bytes` is the file's size, checked before anything is parsed. A pack
 * whose id matches an installed user pack replaces it (an update).
 */
export function preparePack(file: string, text: string, bytes: number, taken: TakenIds): PreparedPack | RejectedPack {
  const tooBig = bytes > MAX_PACK_BYTES ? packSizeProblem(file, bytes) : null;
  if (tooBig) return { ok: false, errors: [fileIssue(file, tooBig.replace(`${file}: `, ''))] };
  let converted: { pack: unknown; importedFrom: string };
  try {
    converted = toPackInput(file, text);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [fileIssue(file, error.message)] };
    throw error;
  }
  try {
    const { index, warnings } = compilePacks([{ file, pack: converted.pack }]);
    // A valid pack can be empty; installed, it would list as a pack that never marks anything.
    if (index.body.claims.length === 0) return { ok: false, errors: [noClaimsIssue(file)] };
    const errors = collisions(file, index, taken);
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, index, importedFrom: converted.importedFrom, warnings };
  } catch (error) {
    if (error instanceof PackValidationError) return { ok: false, errors: error.issues };
    throw error;
  }
}
