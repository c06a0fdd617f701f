/**
 * Places a fact-checker's verdict on the pack's -1 (false) … 1 (true) scale.
 *
 * The text comes first: numbers in ClaimReview markup are often inconsistent
 * (the Washington Post writes `ratingValue: -1` for "Fuzzy math", and its
 * Pinocchio scale runs the other way), while the words mean the same thing
 * across publishers. Only an unknown text falls back to the number, and only
 * when it lies inside its own scale. Anything else stays unrated (undefined)
 * rather than guessed.
 */

/** Known verdicts by their folded text (see {@link ratingKey}). */
const BY_TEXT = new Map<string, number>();

function define(score: number, texts: string[]): void {
  for (const text of texts) BY_TEXT.set(ratingKey(text), score);
}

define(-1, [
  'false', 'pants on fire', 'pants fire', 'incorrect', 'wrong', 'fake', 'not true', 'untrue',
  'totally false', 'completely false', 'entirely false', 'fabricated', 'hoax', 'four pinocchios',
]);
// PolitiFact called "Mostly False" "Barely True" until 2011; its data still uses both.
define(-0.5, ['mostly false', 'barely true', 'largely false', 'mostly incorrect', 'misleading', 'three pinocchios']);
define(0, ['half true', 'mixture', 'mixed', 'partly true', 'partly false', 'partially true', 'half false', 'two pinocchios']);
define(0.5, ['mostly true', 'largely true', 'mostly correct', 'mostly accurate', 'one pinocchio']);
define(1, ['true', 'correct', 'accurate', 'correct attribution', 'geppetto checkmark']);

/** Lower case, no accents, every run of other characters one space: "Pants on Fire!" → "pants on fire". */
export function ratingKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a rating says: its text and, as ClaimReview gives them, its number and scale. */
export interface RatingParts {
  text?: string;
  value?: number;
  best?: number;
  worst?: number;
}

/** How a normalised rating was obtained, so that importers know which inputs it used. */
export interface NormalizedRating {
  score: number | undefined;
  /** `text` when the verdict's words were known, `number` when the number was used. */
  from: 'text' | 'number' | undefined;
}

/**
 * The verdict on the -1…1 scale. Known texts win; otherwise the number is
 * placed on its scale (schema.org's defaults: worst 1, best 5) when it lies
 * within it. Returns an undefined score when neither is usable.
 */
export function normalizeRating(parts: RatingParts): NormalizedRating {
  if (parts.text !== undefined) {
    const score = BY_TEXT.get(ratingKey(parts.text));
    if (score !== undefined) return { score, from: 'text' };
  }
  const { value } = parts;
  const best = parts.best ?? 5;
  const worst = parts.worst ?? 1;
  if (value === undefined || best === worst) return { score: undefined, from: undefined };
  const t = (value - worst) / (best - worst); // works for reversed scales too
  if (!(t >= 0 && t <= 1)) return { score: undefined, from: undefined }; // outside its own scale: a sentinel, not a verdict
  return { score: Math.round((t * 2 - 1) * 1000) / 1000, from: 'number' };
}

/** A finite number from a JSON number or a numeric string ("1", " -1 "); undefined otherwise. */
export function ratingNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
