/**
 * The one gate for URLs that come from claim data. Packs are imported from
 * anywhere, so a URL is shown as a link only when it parses as absolute
 * http(s); `javascript:`, `data:` and every other scheme are dropped, whatever
 * their case or entity encoding (the URL parser has already decoded them).
 */

/** Returns the normalised URL when it is absolute http(s), otherwise undefined. */
export function safeHttpUrl(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}
