/**
 * The settings' types, defaults and pure helpers, apart from the storage
 * item (lib/storage/settings.ts) so that the gate-first content script can
 * use them without @wxt-dev/storage. Everything else imports them through
 * settings.ts.
 */

/** The storage.local key of the settings item (`local:settings`). */
export const SETTINGS_KEY = 'settings';

/** How marks look on the page. `none` keeps them focusable but invisible. */
export type HighlightStyle = 'underline' | 'background' | 'none';

/** Matcher presets: `precise` is the default, `thorough` finds more and errs more. */
export type Sensitivity = 'precise' | 'thorough';

/** Everything the user can set. */
export interface Settings {
  /** Claimlens is off everywhere (the popup's global pause). */
  paused: boolean;
  /** Sites (host names, see {@link siteOf}) where Claimlens is switched off. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  sensitivity: Sensitivity;
}

/** The settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  disabledSites: [],
  highlightStyle: 'underline',
  sensitivity: 'precise',
});

/** Every highlight style, in the order the options page offers them. */
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];

/** Every sensitivity preset, in the order the options page offers them. */
export const SENSITIVITIES: readonly Sensitivity[] = ['precise', 'thorough'];

/**
 * Fills in defaults and drops values this build does not know, so a stored
 * value from a newer or hand-edited install can never crash a reader.
 */
export function normalizeSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  const sites = Array.isArray(v.disabledSites) ? v.disabledSites.filter((s): s is string => typeof s === 'string' && s !== '') : [];
  return {
    paused: v.paused === true,
    disabledSites: [...new Set(sites)].sort(),
    highlightStyle: HIGHLIGHT_STYLES.includes(v.highlightStyle as HighlightStyle) ? (v.highlightStyle as HighlightStyle) : DEFAULT_SETTINGS.highlightStyle,
    sensitivity: SENSITIVITIES.includes(v.sensitivity as Sensitivity) ? (v.sensitivity as Sensitivity) : DEFAULT_SETTINGS.sensitivity,
  };
}

/**
 * The site key of a page URL: its host name without a leading `www.`, or
 * null for pages Claimlens never runs on (not http or https).
 */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Why Claimlens is off for a page, or null when it is on. */
export function offReason(settings: Settings, url: string | undefined): 'paused' | 'site-off' | null {
  if (settings.paused) return 'paused';
  const site = siteOf(url);
  return site !== null && settings.disabledSites.includes(site) ? 'site-off' : null;
}
