/**
 * Turning annotations (one per claim and sentence) into highlights (one per
 * run of text, with every claim that covers it). Two claims on one sentence
 * give one highlight with two ids; overlapping spans are cut at every
 * boundary so that each run carries exactly the claims that cover it.
 */

/** A run of model text to mark, and the claims that cover all of it. */
export interface Highlight {
  start: number;
  end: number;
  claimIds: string[];
}

/** Anything with a claim id and a span; Annotation from lib/match fits. */
export interface Span {
  claimId: string;
  start: number;
  end: number;
}

/** Cuts spans at every boundary and merges the claim ids of each run. */
export function toHighlights(spans: readonly Span[]): Highlight[] {
  const cuts = new Set<number>();
  for (const s of spans) {
    if (s.end > s.start) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Highlight[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.claimId))];
    if (ids.length === 0) continue;
    ids.sort();
    const prev = out[out.length - 1];
    if (prev && prev.end === start && prev.claimIds.join(' ') === ids.join(' ')) prev.end = end;
    else out.push({ start, end, claimIds: ids });
  }
  return out;
}
