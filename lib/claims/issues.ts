/**
 * Problems found in a claim pack, in one shape for schema and semantic checks.
 *
 * Every issue carries where it is (file and JSON path), which claim it belongs
 * to when there is one, and the field at fault, so that a build log line is
 * enough to open the file and fix it without rerunning anything.
 */

/** One problem in one pack file. Errors fail the build; warnings are printed. */
export interface PackIssue {
  /** Pack file as given to the validator (usually relative to the project root). */
  file: string;
  /** JSON path into the pack, e.g. `$.claims[3].stances[0].actor`; `$` is the whole pack. */
  path: string;
  /** Id of the claim the issue sits in, when the claim has a readable id. */
  claimId?: string;
  /** Name of the field at fault (the last object key on the path). */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
  severity: 'error' | 'warning';
}

/** A path step: an object key or an array index. */
export type PathStep = string | number;

/** Longest piece of a pack's own text that a message quotes in full. */
const MAX_QUOTED = 120;

/**
 * `text` as a message quotes it: whole when short, else its start and its
 * length, so that a 10 MB value makes a readable line rather than a 10 MB one.
 */
export function clip(text: string): string {
  return text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}… (${text.length} characters)`;
}

/**
 * Renders steps as a JSON path: `['claims', 3, 'id']` → `$.claims[3].id`.
 * A key longer than a message quotes is clipped (see clip): a hostile
 * pack's 2 MB key would otherwise make a 2 MB path on the options page.
 */
export function jsonPath(steps: readonly PathStep[]): string {
  let out = '$';
  for (const step of steps) {
    if (typeof step === 'number') out += `[${step}]`;
    // Keys that are not identifiers (only possible under `extra`) are quoted.
    else out += /^[A-Za-z_$][\w$]*$/.test(step) && step.length <= MAX_QUOTED ? `.${step}` : `[${JSON.stringify(clip(step))}]`;
  }
  return out;
}

/** The last object key on a path (clipped, see clip), or `(pack)` for the pack itself. */
export function fieldOf(steps: readonly PathStep[]): string {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (typeof step === 'string') return clip(step);
  }
  return '(pack)';
}

/**
 * Formats an issue as one log line, e.g.
 * `assets/claims/x.pack.json: claim "flynn-misled-pence" ($.claims[5].stances[0].actor):
 * field "actor": unknown actor "pence2" — add it to "actors" or fix the id`.
 */
export function formatIssue(issue: PackIssue): string {
  const level = issue.severity === 'warning' ? 'warning: ' : '';
  // Issues made elsewhere (duplicate ids across packs) may carry a long id as it is.
  const where = issue.claimId === undefined ? `(${issue.path})` : `claim "${clip(issue.claimId)}" (${issue.path})`;
  return `${issue.file}: ${level}${where}: field "${issue.field}": ${issue.message}`;
}

/** Collects issues for one file and fills in the claim id from the raw input. */
export class IssueSink {
  readonly errors: PackIssue[] = [];
  readonly warnings: PackIssue[] = [];

  constructor(
    readonly file: string,
    private readonly input: unknown,
  ) {}

  /** Records an error at `steps`. */
  error(steps: readonly PathStep[], message: string): void {
    this.errors.push(this.make('error', steps, message));
  }

  /** Records a warning at `steps`. */
  warn(steps: readonly PathStep[], message: string): void {
    this.warnings.push(this.make('warning', steps, message));
  }

  private make(severity: PackIssue['severity'], steps: readonly PathStep[], message: string): PackIssue {
    const issue: PackIssue = { file: this.file, path: jsonPath(steps), field: fieldOf(steps), message, severity };
    const claimId = this.claimIdAt(steps);
    if (claimId !== undefined) issue.claimId = claimId;
    return issue;
  }

  /** The id of the claim a path runs through, if that claim has a usable id. */
  private claimIdAt(steps: readonly PathStep[]): string | undefined {
    if (steps[0] !== 'claims' || typeof steps[1] !== 'number') return undefined;
    const claims = (this.input as { claims?: unknown } | null)?.claims;
    const claim: unknown = Array.isArray(claims) ? claims[steps[1]] : undefined;
    const id = (claim as { id?: unknown } | null | undefined)?.id;
    return typeof id === 'string' && id.trim() !== '' ? clip(id) : undefined;
  }
}

/**
 * The error for a claim id that another pack already uses. `where` names the
 * other pack, e.g. `used in x.pack.json ($.claims[3])`; compilation and
 * in-browser imports both report clashes through this one message.
 */
export function duplicateClaimIdIssue(file: string, index: number, claimId: string, where: string): PackIssue {
  return {
    file,
    path: `$.claims[${index}].id`,
    claimId,
    field: 'id',
    severity: 'error',
    message: `claim id "${claimId}" is ${where} — claim ids must be unique across all packs; rename one`,
  };
}
