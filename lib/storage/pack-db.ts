/**
 * Bodies of user-installed claim packs, in the extension origin's IndexedDB.
 *
 * Why IndexedDB: a converted fact-check dump can hold tens of thousands of
 * claims (megabytes of JSON), which is more than `storage.local` handles
 * well, and structured clones of chunks are cheap to read back. Only pages
 * of the extension origin (the background, the options page) can open this
 * database; content scripts cannot, which is why the background owns the
 * compiled index (see README, "Design decisions").
 *
 * A body is the compiled runtime index of one pack (envelope and checksum as
 * lib/claims/index-format.ts defines them), cut into chunks of claims. A body
 * is written in ONE transaction: if any chunk fails, the transaction aborts
 * and nothing of the new body exists. Reading reassembles it and checks it
 * with loadIndex, so a damaged body fails loudly instead of matching wrongly.
 */
import { IndexLoadError, loadIndex } from '../claims/load-index';
import type { RuntimeClaim, RuntimeIndex } from '../claims/runtime-types';

/** Database name in the extension origin. */
export const PACK_DB_NAME = 'claimlens-packs';

/**
 * Schema version. Each entry of UPGRADES moves the database up one version;
 * add an entry (never edit an old one) when the layout changes.
 */
const UPGRADES: readonly ((db: IDBDatabase) => void)[] = [
  // Version 1: one header per body, and its claims in numbered chunks.
  (db) => {
    db.createObjectStore('bodies', { keyPath: 'bodyKey' });
    db.createObjectStore('chunks', { keyPath: ['bodyKey', 'n'] });
  },
];

/** The current schema version. */
export const PACK_DB_VERSION = UPGRADES.length;

/** Claims per chunk: small enough for cheap clones, few enough for quick reads. */
export const CHUNK_CLAIMS = 1000;

interface BodyHeader {
  bodyKey: string;
  packId: string;
  format: RuntimeIndex['format'];
  version: number;
  checksum: string;
  packs: RuntimeIndex['body']['packs'];
  chunks: number;
}

interface BodyChunk {
  bodyKey: string;
  n: number;
  claims: RuntimeClaim[];
}

/** Resolves with a request's result, rejects with its error. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when a transaction commits; rejects when it fails or aborts. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens (creating or upgrading) the pack database with `factory`. */
export function openPackDb(factory: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new Error('IndexedDB is not available here'));
  const request = factory.open(PACK_DB_NAME, PACK_DB_VERSION);
  request.onupgradeneeded = (event) => {
    const db = request.result;
    for (let v = event.oldVersion; v < PACK_DB_VERSION; v++) UPGRADES[v]!(db);
  };
  return done(request);
}

/**
 * Writes the compiled index of one pack under `bodyKey`, all or nothing:
 * header and every chunk go into one readwrite transaction, which is
 * aborted on the first failure.
 */
export async function writePackBody(db: IDBDatabase, bodyKey: string, index: RuntimeIndex): Promise<void> {
  const { packs, claims } = index.body;
  const chunkCount = Math.max(1, Math.ceil(claims.length / CHUNK_CLAIMS));
  const tx = db.transaction(['bodies', 'chunks'], 'readwrite');
  const finished = committed(tx);
  try {
    const chunks = tx.objectStore('chunks');
    for (let n = 0; n < chunkCount; n++) {
      const chunk: BodyChunk = { bodyKey, n, claims: claims.slice(n * CHUNK_CLAIMS, (n + 1) * CHUNK_CLAIMS) };
      chunks.put(chunk);
    }
    const header: BodyHeader = {
      bodyKey,
      packId: packs[0]?.id ?? '',
      format: index.format,
      version: index.version,
      checksum: index.checksum,
      packs,
      chunks: chunkCount,
    };
    // The header goes last: a reader never sees a header whose chunks are missing.
    tx.objectStore('bodies').put(header);
  } catch (error) {
    tx.abort();
    await finished.catch(() => undefined);
    throw error;
  }
  await finished;
}

/**
 * Reads the body stored under `bodyKey` and checks it (format, version,
 * checksum) with loadIndex. Throws IndexLoadError when it is damaged or gone.
 */
export async function readPackBody(db: IDBDatabase, bodyKey: string): Promise<RuntimeIndex> {
  const tx = db.transaction(['bodies', 'chunks'], 'readonly');
  const header = await done<BodyHeader | undefined>(tx.objectStore('bodies').get(bodyKey));
  const range = IDBKeyRange.bound([bodyKey, 0], [bodyKey, Number.MAX_SAFE_INTEGER]);
  const chunks = await done<BodyChunk[]>(tx.objectStore('chunks').getAll(range));
  if (!header) throw new IndexLoadError(`the stored body ${bodyKey} is missing — remove the pack and import it again`);
  chunks.sort((a, b) => a.n - b.n);
  const intact = chunks.length === header.chunks && chunks.every((c, i) => c.n === i);
  if (!intact) throw new IndexLoadError(`the stored body ${bodyKey} has ${chunks.length} of its ${header.chunks} chunks — remove the pack and import it again`);
  const claims = chunks.flatMap((c) => c.claims);
  return loadIndex({
    format: header.format,
    version: header.version,
    checksum: header.checksum,
    body: { packs: header.packs, claims },
  });
}

/** Deletes a body and its chunks (nothing happens when it does not exist). */
export async function deletePackBody(db: IDBDatabase, bodyKey: string): Promise<void> {
  const tx = db.transaction(['bodies', 'chunks'], 'readwrite');
  const finished = committed(tx);
  tx.objectStore('bodies').delete(bodyKey);
  tx.objectStore('chunks').delete(IDBKeyRange.bound([bodyKey, 0], [bodyKey, Number.MAX_SAFE_INTEGER]));
  await finished;
}

/** Keys of every stored body, for sweeping bodies that no metadata points to. */
export async function listBodyKeys(db: IDBDatabase): Promise<string[]> {
  const tx = db.transaction('bodies', 'readonly');
  const keys = await done(tx.objectStore('bodies').getAllKeys());
  return keys.map(String);
}
