/**
 * Dates as the pack wants them (YYYY-MM-DD) from the forms found in fact-check
 * data: ISO dates and timestamps ("2021-01-05 05:00", "2022-11-04T00:00:00Z"),
 * "26 May 2015", "October 22, 2019", "Oct. 22, 2019". The calendar date is
 * kept as written, never shifted by a time zone.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1…12 for a month name or an abbreviation of at least three letters ("Sept.", "oct"). */
function monthOf(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return undefined;
  const i = MONTHS.findIndex((month) => month.startsWith(key));
  return i < 0 ? undefined : i + 1;
}

/** YYYY-MM-DD when year, month and day form a real calendar date. */
function isoOf(year: number, month: number | undefined, day: number): string | undefined {
  if (month === undefined) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The date of `value` as YYYY-MM-DD, or undefined when it is not a recognisable date. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(text); // 26 May 2015
  if (m) return isoOf(Number(m[3]), monthOf(m[2]!), Number(m[1]));
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text); // October 22, 2019
  if (m) return isoOf(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  return undefined;
}

/** A date from a URL path such as `/factchecks/2019/oct/30/…` (PolitiFact's review dates). */
export function dateFromUrlPath(path: string): string | undefined {
  const m = /\/(\d{4})\/([a-z]{3,4})\/(\d{1,2})\//i.exec(path);
  return m ? isoOf(Number(m[1]), monthOf(m[2]!), Number(m[3])) : undefined;
}
