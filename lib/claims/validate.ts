/**
 * Validates one claim pack and reports every problem in it at once.
 *
 * Two passes: the valibot schema (run with `abortEarly: false`, so all shape
 * errors come out together) and semantic checks that a schema cannot express
 * (unique ids, references that resolve, plausible URLs and dates). The
 * semantic pass reads the raw input defensively rather than the parsed pack,
 * so that a pack with a missing field still gets its references checked: an
 * editor fixing a pack should see the whole list in one run, not one per run.
 */
import * as v from 'valibot';
import { PackSchema, type Pack } from './schema';
import { clip, IssueSink, type PackIssue, type PathStep } from './issues';
import { checkPackSemantics } from './pack-checks';

/** Options for {@link validatePack}. */
export interface ValidateOptions {
  /** "Today" for the future-date warning; tests pin it. Defaults to the current time. */
  now?: Date;
}

/** Result of {@link validatePack}: the parsed pack only when there are no errors. */
export interface PackValidation {
  pack?: Pack;
  errors: PackIssue[];
  warnings: PackIssue[];
}

/**
 * Validates a parsed pack JSON value. `file` is only used in the issues.
 * Returns every error and warning; `pack` is set only when there are no errors.
 */
export function validatePack(input: unknown, file: string, opts: ValidateOptions = {}): PackValidation {
  const sink = new IssueSink(file, input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    // valibot would accept an array as an object and list every key as missing.
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    sink.error([], `a pack must be a JSON object, got ${got}`);
    return { errors: sink.errors, warnings: sink.warnings };
  }
  const parsed = v.safeParse(PackSchema, input, { abortEarly: false, message: defaultMessage });
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const steps = stepsOf(issue);
      sink.error(steps, finalMessage(issue, steps));
    }
  }
  checkPackSemantics(input, sink, opts.now ?? new Date());
  const result: PackValidation = { errors: sink.errors, warnings: sink.warnings };
  if (parsed.success && sink.errors.length === 0) result.pack = parsed.output;
  return result;
}

type AnyIssue = v.BaseIssue<unknown>;

function stepsOf(issue: AnyIssue): PathStep[] {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
}

/** Singular names for what a path step's array holds, for "add X to this claim". */
const OWNER: Record<string, string> = {
  claims: 'claim',
  stances: 'stance',
  actors: 'actor',
  entities: 'entity',
  reviews: 'review',
  appearances: 'appearance',
  source: 'source',
};

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  Array: 'an array',
  Object: 'an object',
};

// Mark a missing required field and a field the schema does not know; their
// messages need the full path, which valibot only completes after the
// message callback has run.
const MISSING = '\0missing';
const UNKNOWN = '\0unknown';

/** A valibot schema as far as walking down a path needs it. */
interface SchemaNode {
  type: string;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  entries?: Record<string, SchemaNode>;
}

/** The object schema that holds the field at `steps` (the pack's own for a top-level field), or undefined. */
function ownerSchema(steps: readonly PathStep[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = PackSchema as unknown as SchemaNode;
  for (const step of steps.slice(0, -1)) {
    while (node?.wrapped) node = node.wrapped; // optional(…)
    node = typeof step === 'number' ? node?.item : node?.entries?.[step];
  }
  while (node?.wrapped) node = node.wrapped;
  return node?.entries ? node : undefined;
}

/**
 * Edit distance with a swap of two neighbours as one edit (optimal string
 * alignment), for "did you mean" on a misspelt field: "qoute" is one edit
 * from "quote". Field names are short, so the full table is cheap.
 */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The message for a field its object does not take: the closest known name, and every known one. */
function unknownFieldMessage(steps: readonly PathStep[], owner: string): string {
  const key = String(steps[steps.length - 1]);
  const known = Object.keys(ownerSchema(steps)?.entries ?? {});
  const bound = (name: string): number => Math.max(1, Math.floor(name.length / 3));
  const closest = known
    // A key whose length differs by more than the bound cannot be within it, and its
    // table would be key-length rows long (a key of 10 MB took two minutes).
    .filter((name) => Math.abs(key.length - name.length) <= bound(name))
    .map((name) => ({ name, d: editDistance(key.toLowerCase(), name.toLowerCase()) }))
    .filter(({ name, d }) => d <= bound(name))
    .sort((a, b) => a.d - b.d)[0];
  const hint = closest ? ` — did you mean "${closest.name}"?` : '.';
  const rest = known.includes('extra') ? '; keep data that has no field of its own under "extra"' : '';
  const article = /^[aeiou]/.test(owner) ? 'An' : 'A';
  return `unknown field "${clip(key)}"${hint} ${article} ${owner} takes: ${known.join(', ')}${rest}`;
}

/**
 * Message for schema checks that carry no message of their own: valibot's
 * default ("Invalid key: Expected "text" but received undefined") says what
 * but not how to fix it.
 */
function defaultMessage(issue: AnyIssue): string {
  if (issue.type === 'strict_object' && issue.received === 'undefined') return MISSING;
  if (issue.type === 'strict_object' && issue.expected === 'never') return UNKNOWN;
  const expected = issue.expected ?? '';
  return `must be ${EXPECTED[expected] ?? expected}, got ${issue.received}`;
}

/** The final message: missing fields name their owner, rule messages show the value. */
function finalMessage(issue: AnyIssue, steps: readonly PathStep[]): string {
  if (issue.message === MISSING || issue.message === UNKNOWN) {
    const key = String(steps[steps.length - 1]);
    // `claims[1].text` belongs to a claim, `source.outlet` to a source.
    const ownerStep = steps.findLast((step, i) => typeof step === 'string' && i < steps.length - 1);
    const owner = ownerStep === undefined ? 'pack' : (OWNER[ownerStep] ?? String(ownerStep));
    if (issue.message === UNKNOWN) return unknownFieldMessage(steps, owner);
    return `required field is missing — add "${key}" to this ${owner}`;
  }
  const showsValue = ['regex', 'picklist', 'literal', 'iso_date', 'check', 'min_value', 'max_value'].includes(issue.type);
  return showsValue ? `${issue.message}, got ${clip(issue.received)}` : issue.message;
}
