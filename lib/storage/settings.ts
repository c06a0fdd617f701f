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
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_KEY, type Settings } from './settings-values';

export {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  normalizeSettings,
  offReason,
  SENSITIVITIES,
  SETTINGS_KEY,
  siteOf,
  type HighlightStyle,
  type Sensitivity,
  type Settings,
} from './settings-values';

/** The settings item. Prefer {@link getSettings}/{@link updateSettings}, which normalise. */
export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
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
