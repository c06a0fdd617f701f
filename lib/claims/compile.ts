/**
 * Compiles validated claim packs into the runtime index that ships in the
 * extension (layout in runtime-types.ts, envelope in index-format.ts).
 *
 * Every actor and entity reference is resolved here, once, at build time, so
 * the content script never needs the packs' lookup tables. Claims keep pack
 * order, then their order within the pack: packs are read in sorted file
 * order, so the same inputs always give the same index and checksum.
 */
import { duplicateClaimIdIssue, formatIssue, type PackIssue } from './issues';
import { INDEX_FORMAT, INDEX_VERSION, indexChecksum } from './index-format';
import type { Claim, Pack } from './schema';
import type { RuntimeClaim, RuntimeIndex, RuntimeIndexBody, RuntimeStance } from './runtime-types';
import { packResolver, repeatedNamesErrors } from './resolve-names';
import { validatePack, type ValidateOptions } from './validate';

/** One pack to compile: its parsed JSON and the file it came from. */
export interface CompileInput {
  file: string;
  pack: unknown;
}

/** Options for {@link compilePacks}. */
export type CompileOptions = ValidateOptions;

/** The compiled index and the warnings of every pack. */
export interface CompileResult {
  index: RuntimeIndex;
  warnings: PackIssue[];
}

/** Thrown when any pack has an error; the message lists every error, one per line. */
export class PackValidationError extends Error {
  /** The errors (never warnings) that stopped compilation. */
  readonly issues: PackIssue[];

  constructor(issues: PackIssue[]) {
    const noun = issues.length === 1 ? 'error' : 'errors';
    super(`Claim packs have ${issues.length} ${noun}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.name = 'PackValidationError';
    this.issues = issues;
  }
}

/**
 * Validates every pack, checks ids across packs, and builds the index.
 * Throws {@link PackValidationError} listing all errors from all packs.
 */
export function compilePacks(inputs: readonly CompileInput[], opts: CompileOptions = {}): CompileResult {
  const errors: PackIssue[] = [];
  const warnings: PackIssue[] = [];
  const packs: { file: string; pack: Pack }[] = [];
  for (const { file, pack } of inputs) {
    const result = validatePack(pack, file, opts);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.pack) {
      packs.push({ file, pack: result.pack });
      errors.push(...repeatedNamesErrors(file, result.pack));
    }
  }
  errors.push(...crossPackErrors(packs));
  if (errors.length > 0) throw new PackValidationError(errors);

  const body: RuntimeIndexBody = {
    packs: packs.map(({ pack }) => ({
      id: pack.id,
      title: pack.title,
      version: pack.version,
      language: pack.language,
      license: pack.license,
      source: pack.source,
      claimCount: pack.claims.length,
    })),
    claims: packs.flatMap(({ pack }) => compileClaims(pack)),
  };
  const index: RuntimeIndex = { format: INDEX_FORMAT, version: INDEX_VERSION, checksum: indexChecksum(body), body };
  return { index, warnings };
}

/** Pack ids and claim ids must be unique across packs, not only within one. */
function crossPackErrors(packs: readonly { file: string; pack: Pack }[]): PackIssue[] {
  const errors: PackIssue[] = [];
  const packIds = new Map<string, string>();
  const claimIds = new Map<string, { file: string; i: number }>();
  for (const { file, pack } of packs) {
    const otherPack = packIds.get(pack.id);
    if (otherPack === undefined) packIds.set(pack.id, file);
    else {
      errors.push({
        file,
        path: '$.id',
        field: 'id',
        severity: 'error',
        message: `pack id "${pack.id}" is also used by ${otherPack} — pack ids must be unique; rename one`,
      });
    }
    pack.claims.forEach((claim, i) => {
      const other = claimIds.get(claim.id);
      if (other === undefined) {
        claimIds.set(claim.id, { file, i });
        return;
      }
      errors.push(duplicateClaimIdIssue(file, i, claim.id, `also used in ${other.file} ($.claims[${other.i}])`));
    });
  }
  return errors;
}

/** Resolves one validated pack's claims; validation guarantees every reference exists. */
function compileClaims(pack: Pack): RuntimeClaim[] {
  const { actorOf, entityOf } = packResolver(pack);
  return pack.claims.map(
    (claim: Claim): RuntimeClaim => ({
      id: claim.id,
      packId: pack.id,
      text: claim.text,
      paraphrases: claim.paraphrases,
      entities: claim.entities.map(entityOf),
      topics: claim.topics,
      stances: claim.stances.map(
        (s): RuntimeStance => ({
          actor: actorOf(s.actor),
          stance: s.stance,
          ...(s.quote === undefined ? {} : { quote: s.quote }),
          source: s.source,
        }),
      ),
      reviews: claim.reviews,
      appearances: claim.appearances,
      ...(claim.noteHtml === undefined ? {} : { noteHtml: claim.noteHtml }),
      // Retrieval-only fields become the matchable claim's own (MatchableClaim.title and so on).
      ...claim.retrieval,
    }),
  );
}
