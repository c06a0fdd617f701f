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

/** Reads the pack state, tolerating a missing or malformed value. */
export async function getPackState(): Promise<PackState> {
  const value = await packStateItem.getValue();
  return {
    user: Array.isArray(value?.user) ? value.user : [],
    disabled: Array.isArray(value?.disabled) ? value.disabled.filter((id) => typeof id === 'string') : [],
  };
}
