/**
 * What is installed: metadata of the user's packs and which packs (bundled
 * or user) are switched off. One typed storage item, small enough for
 * `storage.local`; the pack bodies live in IndexedDB (pack-db.ts) and are
 * referenced by `bodyKey`.
 *
 * Installing writes the body first and flips this item last, so the item
 * only ever points at bodies that were written whole.
 */
import { storage } from '@wxt-dev/storage';
import type { RuntimePackMeta } from '../claims/runtime-types';

/** A user-installed pack as listed to the user. */
export interface UserPackMeta extends RuntimePackMeta {
  /** Key of the pack's body in IndexedDB; a new key on every (re)install. */
  bodyKey: string;
  /** The file it was imported from (name only). */
  fileName: string;
  /** What the file was: a native pack or the name of an import format. */
  importedFrom: string;
  /** ISO date-time of the install. */
  installedAt: string;
}

/** Installed user packs and switched-off pack ids. */
export interface PackState {
  user: UserPackMeta[];
  /** Ids of packs (bundled or user) that are switched off. */
  disabled: string[];
}

/** The pack state of a fresh install: no user packs, every pack on. */
export const EMPTY_PACK_STATE: Readonly<PackState> = Object.freeze({ user: [], disabled: [] });

/** The pack state item. */
export const packStateItem = storage.defineItem<PackState>('local:packs', {
  fallback: { user: [], disabled: [] },
  version: 1,
  // Version 1 is the first stored shape; future versions add migrations here.
  migrations: {},
});

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/**
 * One stored user-pack entry made safe to list and load, or null when it
 * names no pack id or no body (nothing could be done with it). Display
 * fields that are missing or of the wrong type get plain defaults: a
 * hand-edited or half-written entry must neither take the options page and
 * every page's matching down with it nor lose the body it points at.
 */
function normalizeUserPackMeta(value: unknown): UserPackMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Record<keyof UserPackMeta, unknown>>;
  if (typeof v.id !== 'string' || v.id === '' || typeof v.bodyKey !== 'string' || v.bodyKey === '') return null;
  const source = (typeof v.source === 'object' && v.source !== null ? v.source : {}) as { name?: unknown; url?: unknown };
  return {
    id: v.id,
    title: text(v.title, v.id),
    version: text(v.version, ''),
    language: text(v.language, ''),
    license: text(v.license, ''),
    source: { name: text(source.name, ''), ...(typeof source.url === 'string' ? { url: source.url } : {}) },
    claimCount: typeof v.claimCount === 'number' && Number.isFinite(v.claimCount) ? v.claimCount : 0,
    bodyKey: v.bodyKey,
    fileName: text(v.fileName, ''),
    importedFrom: text(v.importedFrom, ''),
    installedAt: text(v.installedAt, ''),
  };
}

/** The stored user-pack entries as they are, whatever their shape. */
async function storedUserEntries(): Promise<unknown[]> {
  const value: unknown = await packStateItem.getValue();
  const user = typeof value === 'object' && value !== null ? (value as { user?: unknown }).user : undefined;
  return Array.isArray(user) ? user : [];
}

/**
 * Every body key that a stored user-pack entry names, the entries that
 * getPackState drops as unusable (no id, a repeated id) included: sweeping
 * must not delete a body whose entry is damaged, since the pack could still
 * be recovered from it by hand and nothing else holds its claims.
 */
export async function storedBodyKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const entry of await storedUserEntries()) {
    const key: unknown = typeof entry === 'object' && entry !== null ? (entry as { bodyKey?: unknown }).bodyKey : undefined;
    if (typeof key === 'string' && key !== '') keys.add(key);
  }
  return keys;
}

/**
 * Writes the pack state. Stored entries too damaged to list (no id or no
 * body: getPackState leaves them out) are written back as they are, so that
 * an install, a removal or a switch elsewhere does not drop them, and with
 * them the body that sweeping would then delete.
 */
export async function setPackState(state: PackState): Promise<void> {
  const damaged = (await storedUserEntries()).filter((entry) => normalizeUserPackMeta(entry) === null);
  await packStateItem.setValue({ ...state, user: [...state.user, ...(damaged as UserPackMeta[])] });
}

/** Reads the pack state, tolerating a missing or malformed value and malformed entries in it. */
export async function getPackState(): Promise<PackState> {
  const value: unknown = await packStateItem.getValue();
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof PackState, unknown>>;
  const user = Array.isArray(v.user) ? v.user.map(normalizeUserPackMeta).filter((p): p is UserPackMeta => p !== null) : [];
  return {
    // One entry per id, as install keeps it: the first wins, like the index's first pack for a claim id.
    user: user.filter((p, i) => user.findIndex((q) => q.id === p.id) === i),
    disabled: Array.isArray(v.disabled) ? v.disabled.filter((id): id is string => typeof id === 'string') : [],
  };
}
