/**
 * Semantic checks on a pack that the schema cannot express: unique ids,
 * references that resolve, and warnings for data that is valid but likely
 * wrong (URLs the card will not link, dates in the future, repeated claims).
 *
 * The checks read the raw JSON value, tolerating any shape, because they run
 * even when the schema has already failed (see validate.ts).
 */
import { clip, type IssueSink, type PathStep } from './issues';
import { safeHttpUrl } from './safe-url';

type Raw = Record<string, unknown>;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function record(value: unknown): Raw | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Maps each id in `items` to the index of its first use, reporting later uses
 * as duplicates. `kind` names the item in messages ("claim", "actor", ...).
 */
function indexIds(items: unknown[], key: string, kind: string, sink: IssueSink): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const id = text(record(item)?.id);
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else sink.error([key, i, 'id'], `duplicate ${kind} id "${id}" — $.${key}[${seen}] already uses it; give one of them another id`);
  });
  return first;
}

/** Lower-cased words only, so that punctuation and spacing do not hide a repeat. */
export function normalizeClaimText(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Runs every semantic check on a raw pack value, adding issues to `sink`. */
export function checkPackSemantics(input: unknown, sink: IssueSink, now: Date): void {
  const pack = record(input);
  if (!pack) return; // The schema has already said that the pack is not an object.
  const actors = list(pack.actors);
  const entities = list(pack.entities);
  const claims = list(pack.claims);

  const actorIds = indexIds(actors, 'actors', 'actor', sink);
  const entityIds = indexIds(entities, 'entities', 'entity', sink);
  // One namespace for both, so that a claim's `entities` entry means one thing.
  for (const [id, j] of entityIds) {
    const i = actorIds.get(id);
    if (i !== undefined) {
      sink.error(
        ['entities', j, 'id'],
        `id "${id}" is both an actor ($.actors[${i}]) and an entity — remove the entity (claims can list actors in "entities") or rename one`,
      );
    }
  }
  indexIds(claims, 'claims', 'claim', sink);
  // Valid, but it marks nothing: usually a pack whose claims were cut or not yet pasted in.
  if (Array.isArray(pack.claims) && claims.length === 0) {
    sink.warn(['claims'], 'the pack holds no claims, so it marks nothing (the options page refuses to install it) — add at least one claim');
  }

  // Valid, but matching stems and drops stop words for English only: claims in another language would rarely mark.
  if (typeof pack.language === 'string' && !/^en(?:-|$)/i.test(pack.language)) {
    sink.warn(['language'], `language "${clip(pack.language)}": matching reads English only (its stemmer and stop words), so these claims will rarely be marked — translate them to English or keep the pack for reference`);
  }

  claims.forEach((raw, i) => checkClaimReferences(record(raw), i, actorIds, entityIds, sink));
  checkUrls(pack, claims, sink);
  checkDates(claims, sink, now.toISOString().slice(0, 10));
  checkRepeatedText(claims, sink);
}

function checkClaimReferences(
  claim: Raw | undefined,
  i: number,
  actorIds: Map<string, number>,
  entityIds: Map<string, number>,
  sink: IssueSink,
): void {
  if (!claim) return;
  list(claim.entities).forEach((ref, k) => {
    const id = text(ref);
    if (id === undefined || actorIds.has(id) || entityIds.has(id)) return;
    sink.error(['claims', i, 'entities', k], `unknown actor or entity "${id}" — add it to "entities" (or "actors") or fix the id`);
  });
  list(claim.stances).forEach((stance, k) => {
    const id = text(record(stance)?.actor);
    if (id === undefined || actorIds.has(id)) return;
    const hint = entityIds.has(id)
      ? `"${id}" is an entity, not an actor — move it to "actors" (with a role and kind) so that it can take a stance`
      : `unknown actor "${id}" — add it to "actors" or fix the id`;
    sink.error(['claims', i, 'stances', k, 'actor'], hint);
  });
}

/** Calls `fn` for every object in `claims[i][key]`, with its path. */
function eachPart(claims: unknown[], key: string, fn: (part: Raw, steps: PathStep[]) => void): void {
  claims.forEach((claim, i) => {
    list(record(claim)?.[key]).forEach((raw, k) => {
      const part = record(raw);
      if (part) fn(part, ['claims', i, key, k]);
    });
  });
}

function checkUrls(pack: Raw, claims: unknown[], sink: IssueSink): void {
  const check = (value: unknown, steps: PathStep[]): void => {
    const url = text(value);
    if (url === undefined || safeHttpUrl(url) !== undefined) return;
    sink.warn(steps, `"${clip(url)}" is not an absolute http(s) URL, so it will not be shown as a link — use the full https:// address or remove "url"`);
  };
  check(record(pack.source)?.url, ['source', 'url']);
  eachPart(claims, 'stances', (stance, steps) => check(record(stance.source)?.url, [...steps, 'source', 'url']));
  eachPart(claims, 'reviews', (review, steps) => check(review.url, [...steps, 'url']));
  eachPart(claims, 'appearances', (appearance, steps) => check(appearance.url, [...steps, 'url']));
}

/** `today` is YYYY-MM-DD (UTC), so ISO dates compare as strings. */
function checkDates(claims: unknown[], sink: IssueSink, today: string): void {
  const check = (value: unknown, steps: PathStep[]): void => {
    const date = text(value);
    if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date <= today) return;
    sink.warn(steps, `date "${date}" is in the future (today is ${today}) — check the year and month`);
  };
  eachPart(claims, 'stances', (stance, steps) => check(record(stance.source)?.date, [...steps, 'source', 'date']));
  eachPart(claims, 'reviews', (review, steps) => check(review.date, [...steps, 'date']));
  eachPart(claims, 'appearances', (appearance, steps) => check(appearance.date, [...steps, 'date']));
}

function checkRepeatedText(claims: unknown[], sink: IssueSink): void {
  const first = new Map<string, { i: number; id: string | undefined }>();
  claims.forEach((raw, i) => {
    const claim = record(raw);
    const value = text(claim?.text);
    if (value === undefined) return;
    const key = normalizeClaimText(value);
    if (key === '') return;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, { i, id: text(claim?.id) });
      return;
    }
    const other = seen.id === undefined ? `$.claims[${seen.i}]` : `claim "${seen.id}" ($.claims[${seen.i}])`;
    sink.warn(['claims', i, 'text'], `same text as ${other} — merge the two claims or word them differently`);
  });
}
