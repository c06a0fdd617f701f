/**
 * Ids for imported actors and claims: lowercase slugs (the pack's IdSchema)
 * derived from names and source ids, so the same input always gives the same
 * ids and a pack editor can read them.
 */

import { fnv1a32 } from '../checksum';

/** Longest slug produced; long headlines would make unreadable ids. */
export const MAX_SLUG_LENGTH = 80;

/**
 * `"Donald J. Trump"` → `"donald-j-trump"`. Accents are dropped, every run of
 * other characters becomes one "-". Returns `fallback` when nothing is left.
 */
export function slugify(text: string, fallback = 'x'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback : slug;
}

/** A letter that is not a…z once accents are folded away (Cyrillic, Greek, CJK…). */
const NON_LATIN_LETTER = /[^\P{L}a-zA-Z]/u;

/**
 * The slug of a name that must not share its id with another name. A slug
 * keeps only a…z and digits, so names in other scripts ("Владимир Путин",
 * "فحص 2024") would slug to `fallback` or to their Latin part alone, and
 * different names would get one id: such names also carry a hash of the
 * whole name.
 */
export function distinctSlug(name: string, fallback: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const slug = slugify(name, fallback);
  return NON_LATIN_LETTER.test(folded) ? `${slug}-${fnv1a32(folded.toLowerCase())}` : slug;
}

/**
 * The pack id a converted file gets by default: its name without a folder,
 * ".pack.json" or another extension, as a slug ("afp-feed.json" → afp-feed);
 * undefined when nothing is left (the importer's own default id then).
 * Every file of one format would otherwise get that format's one default
 * id, and each pack would replace the last wherever both are installed;
 * for the same reason a name in another script carries a hash (distinctSlug).
 */
export function packIdFromFileName(file: string): string | undefined {
  const name = file.replace(/^.*[\\/]/, '').replace(/\.pack\.json$/i, '').replace(/\.[^.]*$/, '');
  const id = distinctSlug(name, 'pack');
  return id === 'pack' && slugify(name, '') === '' ? undefined : id; // "---.json": no name at all
}

/**
 * Like {@link slugify} but keeps ".", "_" and ":" (allowed in ids), so a
 * source id that is already a slug, such as a CheckThat! vclaim_id, is kept
 * as it is and stays recognisable.
 */
export function idSlug(text: string, fallback = 'x'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._:-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  // Trailing dashes by hand: /-+$/ retries at every dash of a run, which is
  // quadratic in the run ("-" is kept, so a claim text can hold 100,000 of them).
  let end = slug.length;
  while (end > 0 && slug.charCodeAt(end - 1) === 0x2d) end--;
  return end === 0 ? fallback : slug.slice(0, end);
}

/**
 * Hands out unique ids: the first use of a base gets it as is, later ones
 * get `-2`, `-3`… in order of arrival, so ids are stable for a given input.
 */
export class IdAllocator {
  private readonly used = new Set<string>();
  /**
   * The suffix to try next for each base. Ids are only ever added, so the
   * first free suffix never goes down: starting where the last one was found
   * gives the same ids as counting from 2, without the quadratic recount
   * (100,000 records of one text took minutes).
   */
  private readonly next = new Map<string, number>();

  /** A unique id built from `base`. */
  take(base: string): string {
    let id = base;
    if (this.used.has(id)) {
      let n = this.next.get(base) ?? 2;
      for (id = `${base}-${n}`; this.used.has(id); id = `${base}-${++n}`);
      this.next.set(base, n + 1);
    }
    this.used.add(id);
    return id;
  }
}

/** The host of an absolute URL without "www.", or undefined: names an outlet when nothing else does. */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/**
 * A readable local id from a review URL: host and last path segment,
 * `https://www.politifact.com/factchecks/2019/oct/30/x/vandergriff-says/` →
 * `politifact-com-vandergriff-says`. Undefined when `url` is not absolute.
 */
export function urlSlug(url: string | undefined): string | undefined {
  const host = hostOf(url);
  if (url === undefined || host === undefined) return undefined;
  const segments = new URL(url).pathname.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1] ?? '';
  return slugify(`${host} ${last.replace(/\.[a-z0-9]{2,5}$/i, '')}`);
}
