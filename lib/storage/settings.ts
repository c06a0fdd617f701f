/**
 * The user's settings: one typed storage item (@wxt-dev/storage), read by
 * the content script, the background, the popup and the options page.
 *
 * Stored in `local` (not `sync`): the list of sites switched off is reading
 * history of a kind, and Claimlens promises that nothing leaves the browser.
 * The item is versioned; when its shape changes, bump `version` and add a
 * migration for the old shape instead of breaking existing installs.
 */
import { storage } from '@wxt-dev/storage';

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

/** The settings item. Prefer {@link getSettings}/{@link updateSettings}, which normalise. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { ...DEFAULT_SETTINGS, disabledSites: [] },
  version: 1,
  // Version 1 is the first stored shape; future versions add migrations here.
  migrations: {},
});

/** The current settings, normalised. */
export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

let updates: Promise<unknown> = Promise.resolve();

/**
 * Applies `change` to the current settings and stores the result. Updates
 * from one page run one after another, so two quick changes never read the
 * same old value and drop each other.
 */
export function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const run = updates.then(async () => {
    const current = await getSettings();
    const next = normalizeSettings({ ...current, ...change(current) });
    await settingsItem.setValue(next);
    return next;
  });
  updates = run.catch(() => undefined);
  return run;
}

/** Calls `listener` with normalised settings whenever they change; returns the unwatch function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(normalizeSettings(value)));
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
