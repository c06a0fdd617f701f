/**
 * Assembles an imported pack: deduplicated actors, unique claim ids, the
 * records that map to no claim, pack-level leftovers, and the counts of the
 * report. Every importer goes through it, so ids, defaults and counting are
 * the same for all formats.
 */
import { LANGUAGE_TAG, type ClaimInput, type PackInput } from '../schema';
import { guessActorKind } from './actor-kind';
import { distinctSlug, IdAllocator, idSlug } from './slug';
import { PROGRESS_EVERY, type ImportFormat, type ImportOptions, type ImportReport, type ImportResult, type JsonObject } from './types';

/** Per-format defaults for the pack's metadata. */
export interface PackDefaults {
  id: string;
  title: string;
  license: string;
  source: { name: string; url?: string };
  description?: string;
}

/** A claimant as an importer found it. */
export interface ClaimantInput {
  name: string;
  kind?: 'person' | 'organization';
  role?: string;
}

type ActorInput = NonNullable<PackInput['actors']>[number];

/** Role shown for claimants when the input says nothing about them. */
export const DEFAULT_ROLE = 'Claimant';

/** Drops undefined fields, so that written packs carry only what is known. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Builds one pack; see the module comment. */
export class PackBuilder {
  readonly report: ImportReport;
  private readonly actors = new Map<string, ActorInput>();
  /** Every name of each actor seen so far (its name and aliases), by actor id. */
  private readonly spellings = new Map<string, Set<string>>();
  private readonly claimIds = new IdAllocator();
  private readonly claims: ClaimInput[] = [];
  private readonly unmappedRecords: JsonObject[] = [];
  private readonly extra: JsonObject = {};
  private readonly languages = new Set<string>();
  private readonly id: string;

  constructor(
    format: ImportFormat,
    private readonly defaults: PackDefaults,
    private readonly options: ImportOptions,
  ) {
    this.id = options.id ?? defaults.id;
    this.report = {
      format, records: 0, claims: 0, actors: 0, stances: 0, reviews: 0, appearances: 0,
      empty: 0, unmapped: 0, guessedKinds: 0, unnormalizedRatings: 0, claimsWithExtra: 0,
    };
  }

  /**
   * The id of the actor named `name`, creating it on first use. Names that
   * slug alike are one actor (the other spellings become aliases). Returns
   * whether `role` is the actor's role, so that the caller keeps it in
   * `extra` when an earlier record gave another one.
   */
  actor(claimant: ClaimantInput): { id: string; roleKept: boolean } {
    // The name's slug, so that spellings differing only in accents, case or
    // punctuation are one actor; a name in another script also carries a hash
    // of the whole name, or different people would become one (distinctSlug).
    const id = distinctSlug(claimant.name, 'actor');
    const known = this.actors.get(id);
    if (known) {
      // A set per actor, and the list grown in place: searching and copying it for each record was quadratic.
      let spellings = this.spellings.get(id);
      if (!spellings) this.spellings.set(id, (spellings = new Set([known.name])));
      if (!spellings.has(claimant.name)) {
        spellings.add(claimant.name);
        (known.aliases ??= []).push(claimant.name);
      }
      // A real role replaces the placeholder; otherwise the first role wins.
      if (claimant.role !== undefined && known.role === DEFAULT_ROLE) known.role = claimant.role;
      return { id, roleKept: claimant.role === undefined || known.role === claimant.role };
    }
    if (claimant.kind === undefined) this.report.guessedKinds++;
    this.actors.set(id, {
      id,
      name: claimant.name,
      role: claimant.role ?? DEFAULT_ROLE,
      kind: claimant.kind ?? guessActorKind(claimant.name),
    });
    return { id, roleKept: true };
  }

  /** Adds a claim with id `<pack id>:<local id>` (made unique) and returns the id. */
  addClaim(localId: string, claim: Omit<ClaimInput, 'id'>): string {
    const id = this.claimIds.take(`${this.id}:${idSlug(localId, 'claim')}`);
    const out: ClaimInput = { id, text: claim.text };
    for (const key of ['paraphrases', 'entities', 'topics', 'stances', 'reviews', 'appearances'] as const) {
      const list = claim[key];
      if (list && list.length > 0) Object.assign(out, { [key]: list });
    }
    if (claim.sourceId !== undefined) out.sourceId = claim.sourceId;
    if (claim.retrieval !== undefined && Object.keys(claim.retrieval).length > 0) out.retrieval = claim.retrieval;
    if (claim.extra !== undefined && Object.keys(claim.extra).length > 0) {
      out.extra = claim.extra;
      this.report.claimsWithExtra++;
    }
    this.claims.push(out);
    this.report.claims++;
    this.report.stances += out.stances?.length ?? 0;
    this.report.reviews += out.reviews?.length ?? 0;
    this.report.appearances += out.appearances?.length ?? 0;
    this.report.unnormalizedRatings += (out.reviews ?? []).filter((r) => r.normalizedRating === undefined).length;
    return id;
  }

  /** Counts one input record (null ones too). */
  countRecord(): void {
    this.report.records++;
  }

  /** Counts a record that holds nothing (null feed item, blank line). */
  countEmpty(): void {
    this.report.empty++;
  }

  /** Keeps a record that maps to no claim, whole, under the pack's `extra.unmapped`. */
  unmapped(value: unknown, at: string, reason: string): void {
    this.unmappedRecords.push({ at, reason, record: value });
    this.report.unmapped++;
  }

  /** Keeps pack-level input (feed metadata, API paging) under the pack's `extra`. */
  setExtra(key: string, value: unknown): void {
    if (value !== undefined) this.extra[key] = value;
  }

  /** Notes a language named by a record; the pack takes it when it is the only one. */
  noteLanguage(tag: string | undefined): void {
    if (tag !== undefined) this.languages.add(tag.trim());
  }

  /** Reports progress every {@link PROGRESS_EVERY} records and at the end. */
  progress(done: number, total: number): void {
    if (this.options.onProgress && (done % PROGRESS_EVERY === 0 || done === total)) this.options.onProgress(done, total);
  }

  /** The pack and the report. */
  build(): ImportResult {
    const { options, defaults } = this;
    const [onlyLanguage] = this.languages.size === 1 ? [...this.languages] : [];
    const language = options.language ?? (onlyLanguage !== undefined && LANGUAGE_TAG.test(onlyLanguage) ? onlyLanguage : 'en');
    const pack: PackInput = compact({
      format: 'claimlens-pack/1' as const,
      id: this.id,
      title: options.title ?? defaults.title,
      version: options.version ?? '1.0.0',
      language,
      license: options.license ?? defaults.license,
      source: options.source ?? defaults.source,
      description: options.description ?? defaults.description,
      actors: [...this.actors.values()],
      claims: this.claims,
    });
    const extra: JsonObject = { ...this.extra };
    if (this.unmappedRecords.length > 0) extra.unmapped = this.unmappedRecords;
    if (Object.keys(extra).length > 0) pack.extra = extra;
    this.report.actors = this.actors.size;
    return { pack, report: { ...this.report } };
  }
}
