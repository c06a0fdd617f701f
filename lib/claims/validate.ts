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
import { IssueSink, type PackIssue, type PathStep } from './issues';
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

// Marks a missing required field; the message needs the full path, which
// valibot only completes after the message callback has run.
const MISSING = '\0missing';

/**
 * Message for schema checks that carry no message of their own: valibot's
 * default ("Invalid key: Expected "text" but received undefined") says what
 * but not how to fix it.
 */
function defaultMessage(issue: AnyIssue): string {
  if (issue.type === 'object' && issue.received === 'undefined') return MISSING;
  const expected = issue.expected ?? '';
  return `must be ${EXPECTED[expected] ?? expected}, got ${issue.received}`;
}

/** The final message: missing fields name their owner, rule messages show the value. */
function finalMessage(issue: AnyIssue, steps: readonly PathStep[]): string {
  if (issue.message === MISSING) {
    const key = String(steps[steps.length - 1]);
    // `claims[1].text` belongs to a claim, `source.outlet` to a source.
    const ownerStep = steps.findLast((step, i) => typeof step === 'string' && i < steps.length - 1);
    const owner = ownerStep === undefined ? 'pack' : (OWNER[ownerStep] ?? ownerStep);
    return `required field is missing — add "${key}" to this ${owner}`;
  }
  const showsValue = ['regex', 'picklist', 'literal', 'iso_date'].includes(issue.type);
  return showsValue ? `${issue.message}, got ${issue.received}` : issue.message;
}
