/**
 * Research-only data: the CheckThat! claim pools may be used for research,
 * "free for general research use", but never bundled or redistributed. Packs
 * built from them carry this licence, and a build that would ship them in
 * the extension fails (lib/build/claim-packs-plugin.ts) unless it says it
 * stays on this machine (the bench measures the extension with them).
 */

/** Licence text of every pack built from research-only data. */
export const RESEARCH_LICENSE = 'CLEF CheckThat! lab data: "free for general research use" only; never bundle or redistribute';

/** Set to "1" for a local build that may bundle research-only packs because it is never shared. */
export const ALLOW_RESEARCH_ENV = 'CLAIMLENS_ALLOW_RESEARCH_PACKS';

/** True for a parsed pack (any shape) that carries the research-only licence. */
export function isResearchOnly(pack: unknown): boolean {
  return typeof pack === 'object' && pack !== null && (pack as { license?: unknown }).license === RESEARCH_LICENSE;
}
