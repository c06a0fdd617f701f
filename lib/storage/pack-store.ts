/**
 * The one writer of installed packs: install, remove, switch on and off, and
 * list them. It runs in the background; every operation is queued, so two
 * imports can never interleave their writes.
 *
 * Install order makes a failure at any point harmless:
 * 1. validate and compile the file completely (import-pack.ts);
 * 2. write the new body in one IndexedDB transaction (pack-db.ts);
 * 3. flip the metadata item to point at it (packs.ts);
 * 4. delete the body it replaced, if any.
 * A failure in 1 or 2 leaves everything as it was; a failure in 3 leaves an
 * unreferenced body, which sweep() deletes on the next start.
 */
import type { PackIssue } from '../claims/issues';
import type { RuntimeIndex, RuntimePackMeta } from '../claims/runtime-types';
import { preparePack } from './import-pack';
import { deletePackBody, listBodyKeys, readPackBody, writePackBody } from './pack-db';
import { getPackState, setPackState, storedBodyKeys, type PackState, type UserPackMeta } from './packs';

/** A pack as the options page lists it. */
export interface PackListing extends RuntimePackMeta {
  bundled: boolean;
  enabled: boolean;
  /** User packs: the file it came from, what format it was, when it was installed. */
  fileName?: string;
  importedFrom?: string;
  installedAt?: string;
}

/** What an install did: the pack installed, or every reason it was refused. */
export type InstallOutcome =
  | { ok: true; pack: PackListing; replaced: boolean; warnings: PackIssue[] }
  | { ok: false; errors: PackIssue[] };

/** What the store needs from its owner. */
export interface PackStoreOptions {
  /** Opens the pack database (pack-db.ts openPackDb, or a fake in tests). */
  openDb(): Promise<IDBDatabase>;
  /** The bundled index; may throw IndexLoadError when it is broken. */
  bundled(): RuntimeIndex;
  /** The clock, for `installedAt` and body keys. */
  now?(): Date;
}

/** The pack store; see the module comment. */
export interface PackStore {
  list(): Promise<PackListing[]>;
  install(fileName: string, text: string, bytes: number): Promise<InstallOutcome>;
  remove(packId: string): Promise<void>;
  setEnabled(packId: string, enabled: boolean): Promise<void>;
  /**
   * The bodies of the enabled user packs. A body that cannot be read (damaged:
   * IndexLoadError; IndexedDB unavailable) rejects the whole call, unless
   * `onUnreadable` is given: that pack is then reported to it and left out.
   */
  enabledUserIndexes(state: PackState, onUnreadable?: (packId: string, error: unknown) => void): Promise<RuntimeIndex[]>;
  /** Deletes bodies that no metadata refers to; returns how many. */
  sweep(): Promise<number>;
}

function bundledOrEmpty(options: PackStoreOptions): RuntimeIndex['body'] {
  try {
    return options.bundled().body;
  } catch {
    // A broken bundled index is reported by the index service; the user's
    // packs can still be listed and managed.
    return { packs: [], claims: [] };
  }
}

/** Creates the store. */
export function createPackStore(options: PackStoreOptions): PackStore {
  const now = options.now ?? (() => new Date());
  let dbPromise: Promise<IDBDatabase> | null = null;
  const db = () => {
    dbPromise ??= options.openDb().catch((error: unknown) => {
      dbPromise = null;
      throw error;
    });
    return dbPromise;
  };
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };

  async function list(): Promise<PackListing[]> {
    const state = await getPackState();
    const off = new Set(state.disabled);
    const bundled = bundledOrEmpty(options).packs.map((p): PackListing => ({ ...p, bundled: true, enabled: !off.has(p.id) }));
    const user = state.user.map(({ bodyKey: _bodyKey, ...meta }): PackListing => ({ ...meta, bundled: false, enabled: !off.has(meta.id) }));
    return [...bundled, ...user];
  }

  async function install(fileName: string, text: string, bytes: number): Promise<InstallOutcome> {
    const state = await getPackState();
    const bundled = bundledOrEmpty(options);
    const claimIdsByPack = new Map<string, Set<string>>();
    for (const claim of bundled.claims) {
      const ids = claimIdsByPack.get(claim.packId) ?? new Set<string>();
      ids.add(claim.id);
      claimIdsByPack.set(claim.packId, ids);
    }
    for (const meta of state.user) {
      const body = await readPackBody(await db(), meta.bodyKey).catch(() => null);
      if (body) claimIdsByPack.set(meta.id, new Set(body.body.claims.map((c) => c.id)));
    }
    const prepared = preparePack(fileName, text, bytes, {
      fixedPackIds: new Set(bundled.packs.map((p) => p.id)),
      claimIdsByPack,
    });
    if (!prepared.ok) return prepared;

    const packMeta = prepared.index.body.packs[0]!;
    const at = now();
    const bodyKey = `${packMeta.id}@${at.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    await writePackBody(await db(), bodyKey, prepared.index);
    const previous = state.user.find((p) => p.id === packMeta.id);
    const meta: UserPackMeta = { ...packMeta, bodyKey, fileName, importedFrom: prepared.importedFrom, installedAt: at.toISOString() };
    // Re-read just before the flip: another context may have changed flags meanwhile.
    const latest = await getPackState();
    await setPackState({
      user: [...latest.user.filter((p) => p.id !== packMeta.id), meta],
      disabled: latest.disabled.filter((id) => id !== packMeta.id),
    });
    if (previous) await deletePackBody(await db(), previous.bodyKey).catch(() => undefined);
    const { bodyKey: _key, ...listed } = meta;
    return { ok: true, pack: { ...listed, bundled: false, enabled: true }, replaced: previous !== undefined, warnings: prepared.warnings };
  }

  async function remove(packId: string): Promise<void> {
    const state = await getPackState();
    const target = state.user.find((p) => p.id === packId);
    if (!target) return; // Bundled packs can be switched off, never removed.
    await setPackState({
      user: state.user.filter((p) => p.id !== packId),
      disabled: state.disabled.filter((id) => id !== packId),
    });
    // The pack is gone once the metadata says so; a body left behind is swept on the next start.
    await db().then((handle) => deletePackBody(handle, target.bodyKey)).catch(() => undefined);
  }

  async function setEnabled(packId: string, enabled: boolean): Promise<void> {
    const state = await getPackState();
    const disabled = new Set(state.disabled);
    if (enabled) disabled.delete(packId);
    else disabled.add(packId);
    await setPackState({ ...state, disabled: [...disabled].sort() });
  }

  async function enabledUserIndexes(state: PackState, onUnreadable?: (packId: string, error: unknown) => void): Promise<RuntimeIndex[]> {
    const off = new Set(state.disabled);
    const enabled = state.user.filter((p) => !off.has(p.id));
    // Bundled packs only: never open IndexedDB (the common, fast path).
    if (enabled.length === 0) return [];
    const handle = db();
    const read = await Promise.allSettled(enabled.map(async (p) => readPackBody(await handle, p.bodyKey)));
    const indexes: RuntimeIndex[] = [];
    read.forEach((r, i) => {
      if (r.status === 'fulfilled') indexes.push(r.value);
      else if (onUnreadable) onUnreadable(enabled[i]!.id, r.reason);
      else throw r.reason;
    });
    return indexes;
  }

  async function sweep(): Promise<number> {
    const referenced = await storedBodyKeys();
    const handle = await db();
    let removed = 0;
    for (const key of await listBodyKeys(handle)) {
      if (referenced.has(key)) continue;
      await deletePackBody(handle, key);
      removed++;
    }
    return removed;
  }

  return {
    list: () => queued(list),
    install: (fileName, text, bytes) => queued(() => install(fileName, text, bytes)),
    remove: (packId) => queued(() => remove(packId)),
    setEnabled: (packId, enabled) => queued(() => setEnabled(packId, enabled)),
    enabledUserIndexes,
    sweep: () => queued(sweep),
  };
}
