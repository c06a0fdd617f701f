import { readFileSync } from 'node:fs';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import bundledIndex from 'virtual:claimlens/index';
import { IndexLoadError, loadIndex } from '../../lib/claims/load-index';
import { CHUNK_CLAIMS, listBodyKeys, openPackDb, readPackBody } from '../../lib/storage/pack-db';
import { createPackStore, type PackStore } from '../../lib/storage/pack-store';
import { getPackState, packStateItem } from '../../lib/storage/packs';
import { resetFakeExtension } from '../support/fake-extension';

const community = readFileSync(new URL('../fixtures/user-packs/community.pack.json', import.meta.url), 'utf8');

/** A valid pack with `n` claims, so that its body spans several IndexedDB chunks. */
function bigPack(n: number, version = '1.0.0'): string {
  const claims = Array.from({ length: n }, (_, i) => ({
    id: `big-test:c${i}`,
    text: `Claim number ${i} says that the harbour bridge toll rose by ${i} cents last spring.`,
  }));
  return JSON.stringify({
    format: 'claimlens-pack/1', id: 'big-test', title: 'Big test pack', version, language: 'en',
    license: 'CC0-1.0', source: { name: 'tests' }, claims,
  });
}

/** A store as the background makes it after a (re)start: same database, fresh memory. */
function startStore(): PackStore {
  return createPackStore({ openDb: () => openPackDb(), bundled: () => loadIndex(bundledIndex) });
}

beforeEach(async () => {
  await resetFakeExtension();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('pack store', () => {
  it('installs a pack whose body spans several chunks and reads it back intact after a restart', async () => {
    const outcome = await startStore().install('big.pack.json', bigPack(CHUNK_CLAIMS * 2 + 5), 1);
    expect(outcome.ok).toBe(true);
    const store = startStore();
    const [index] = await store.enabledUserIndexes(await getPackState());
    expect(index!.body.claims).toHaveLength(CHUNK_CLAIMS * 2 + 5);
    expect(index!.body.claims.at(-1)!.id).toBe(`big-test:c${CHUNK_CLAIMS * 2 + 4}`);
  });

  it('leaves existing packs untouched when the body write fails halfway', async () => {
    expect((await startStore().install('community.pack.json', community, 1)).ok).toBe(true);
    const stateBefore = await getPackState();
    const keysBefore = await listBodyKeys(await openPackDb());

    // The second chunk of the new body fails (as a full disk would): the whole transaction must go.
    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts === 2) throw new DOMException('disk full', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(startStore().install('big.pack.json', bigPack(CHUNK_CLAIMS * 3), 1)).rejects.toThrow(/disk full/);
    vi.restoreAllMocks();

    // "Reload": a fresh store over the same database and storage.
    const store = startStore();
    expect(await getPackState()).toEqual(stateBefore);
    expect(await listBodyKeys(await openPackDb())).toEqual(keysBefore);
    expect((await store.list()).map((p) => p.id)).toEqual([...loadIndex(bundledIndex).body.packs.map((p) => p.id), 'community-test']);
    const [intact] = await store.enabledUserIndexes(await getPackState());
    expect(intact!.body.claims.map((c) => c.id)).toEqual(['community-test:river-water-safe']);
  });

  it('leaves existing packs untouched when the metadata flip fails, and sweeps the orphaned body', async () => {
    await startStore().install('community.pack.json', community, 1);
    const stateBefore = await getPackState();
    vi.spyOn(packStateItem, 'setValue').mockRejectedValueOnce(new Error('storage unavailable'));
    await expect(startStore().install('big.pack.json', bigPack(3), 1)).rejects.toThrow(/storage unavailable/);
    expect(await getPackState()).toEqual(stateBefore);
    const store = startStore();
    expect(await listBodyKeys(await openPackDb())).toHaveLength(2);
    expect(await store.sweep()).toBe(1);
    expect(await listBodyKeys(await openPackDb())).toEqual(stateBefore.user.map((p) => p.bodyKey));
  });

  it('keeps the body of a stored entry too damaged to list (no id) when it sweeps', async () => {
    await startStore().install('community.pack.json', community, 1);
    const [entry] = (await getPackState()).user;
    const { id: _id, ...withoutId } = entry!;
    await packStateItem.setValue({ user: [withoutId as typeof entry & object], disabled: [] });
    expect((await getPackState()).user).toEqual([]);
    expect(await startStore().sweep()).toBe(0);
    expect(await listBodyKeys(await openPackDb())).toEqual([entry!.bodyKey]);
    expect((await readPackBody(await openPackDb(), entry!.bodyKey)).body.claims.map((c) => c.id)).toEqual(['community-test:river-water-safe']);
  });

  it('keeps a stored entry too damaged to list, and its body, through later installs, switches and removals', async () => {
    await startStore().install('community.pack.json', community, 1);
    const [entry] = (await getPackState()).user;
    const { id: _id, ...withoutId } = entry!;
    await packStateItem.setValue({ user: [withoutId as typeof entry & object], disabled: [] });
    const store = startStore();
    await store.install('big.pack.json', bigPack(2), 1);
    await store.setEnabled('big-test', false);
    await store.remove('big-test');
    expect(((await packStateItem.getValue()) as { user: unknown[] }).user).toEqual([withoutId]);
    expect(await startStore().sweep()).toBe(0);
    expect(await listBodyKeys(await openPackDb())).toEqual([entry!.bodyKey]);
  });

  it('replaces a user pack with the same id (an update) and deletes the old body', async () => {
    await startStore().install('big.pack.json', bigPack(2, '1.0.0'), 1);
    const outcome = await startStore().install('big.pack.json', bigPack(4, '1.1.0'), 1);
    expect(outcome.ok && outcome.replaced).toBe(true);
    const state = await getPackState();
    expect(state.user.map((p) => [p.id, p.version, p.claimCount])).toEqual([['big-test', '1.1.0', 4]]);
    expect(await listBodyKeys(await openPackDb())).toEqual([state.user[0]!.bodyKey]);
  });

  it('switches bundled packs off and on but never removes them; removes user packs', async () => {
    const store = startStore();
    await store.install('community.pack.json', community, 1);
    const bundledId = loadIndex(bundledIndex).body.packs[0]!.id;
    await store.setEnabled(bundledId, false);
    await store.remove(bundledId);
    expect((await store.list()).find((p) => p.id === bundledId)).toMatchObject({ bundled: true, enabled: false });
    await store.setEnabled(bundledId, true);
    await store.remove('community-test');
    expect((await store.list()).map((p) => [p.id, p.enabled])).toEqual([[bundledId, true]]);
    expect(await listBodyKeys(await openPackDb())).toEqual([]);
  });

  it('refuses a damaged body loudly (IndexLoadError), naming the body', async () => {
    await startStore().install('community.pack.json', community, 1);
    const [meta] = (await getPackState()).user;
    const db = await openPackDb();
    const tx = db.transaction('chunks', 'readwrite');
    tx.objectStore('chunks').put({ bodyKey: meta!.bodyKey, n: 0, claims: [] });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    await expect(readPackBody(db, meta!.bodyKey)).rejects.toBeInstanceOf(IndexLoadError);
    await expect(readPackBody(db, 'nope')).rejects.toThrow(/nope is missing/);
  });

  it('refuses a valid pack with no claims and installs nothing', async () => {
    const stateBefore = await getPackState();
    const outcome = await startStore().install('empty.pack.json', bigPack(0), 1);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.errors).toEqual([
      expect.objectContaining({ file: 'empty.pack.json', path: '$.claims', field: 'claims', severity: 'error', message: expect.stringMatching(/holds no claims.*add at least one claim/) }),
    ]);
    expect(await getPackState()).toEqual(stateBefore);
    expect(await listBodyKeys(await openPackDb())).toEqual([]);
  });

  it('refuses files over the size limit without parsing them', async () => {
    const outcome = await startStore().install('huge.json', 'not even json', 60 * 1024 * 1024);
    expect(!outcome.ok && outcome.errors[0]!.message).toMatch(/over the 50\.0 MB limit/);
  });

  it('imports ClaimReview JSON through the importers', async () => {
    const claimReview = JSON.stringify({
      '@context': 'https://schema.org', '@type': 'ClaimReview', url: 'https://factcheck.example/river',
      claimReviewed: 'The drinking water drawn from the Exampleton river is safe and meets every federal standard.',
      author: { '@type': 'Organization', name: 'Example Fact Check' },
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Ada Mayor' }, datePublished: '2024-05-02' },
      datePublished: '2024-05-10',
    });
    const outcome = await startStore().install('river-claimreview.json', claimReview, claimReview.length);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(outcome.ok && outcome.pack).toMatchObject({ id: 'river-claimreview', importedFrom: 'claimreview', claimCount: 1, bundled: false });
  });

  /** A one-claim ClaimReview file's text. */
  const claimReviewOf = (claim: string, url: string) =>
    JSON.stringify({ '@type': 'ClaimReview', claimReviewed: claim, url, author: { '@type': 'Organization', name: 'Example Fact Check' }, reviewRating: { alternateName: 'False' } });

  it('keeps two imported ClaimReview files as two packs, each named after its file', async () => {
    const store = startStore();
    const first = claimReviewOf('Whipped cream was banned in every cafe in the city last winter.', 'https://factcheck.example/cream');
    const second = claimReviewOf('The harbour bridge toll doubled over the last year.', 'https://factcheck.example/toll');
    await store.install('cafes.json', first, first.length);
    const outcome = await store.install('bridge-toll.json', second, second.length);
    expect(outcome.ok && outcome.replaced).toBe(false);
    expect((await store.list()).filter((p) => !p.bundled).map((p) => p.id)).toEqual(['cafes', 'bridge-toll']);
  });

  it('keeps two files named in another script as two packs, not one replacing the other', async () => {
    const store = startStore();
    const first = claimReviewOf('Whipped cream was banned in every cafe in the city last winter.', 'https://factcheck.example/cream');
    const second = claimReviewOf('The harbour bridge toll doubled over the last year.', 'https://factcheck.example/toll');
    // Names a slug cannot spell, and two that differ only in letters it cannot spell.
    for (const [a, b] of [['تحقق.json', 'فحص.json'], ['Ложь 2024.json', 'Правда 2024.json']] as const) {
      await resetFakeExtension();
      await store.install(a, first, first.length);
      const outcome = await store.install(b, second, second.length);
      expect(outcome.ok && outcome.replaced).toBe(false);
      const ids = (await store.list()).filter((p) => !p.bundled).map((p) => p.id);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
    }
  });

  it('refuses a pack without "format" and a file with no importable claim, leaving installed packs as they were', async () => {
    const store = startStore();
    expect((await store.install('community.pack.json', community, community.length)).ok).toBe(true);
    const before = await store.list();
    const noFormat = JSON.stringify({ ...JSON.parse(community), format: undefined, id: 'city-hall' });
    const refused = await store.install('city-hall.pack.json', noFormat, noFormat.length);
    expect(!refused.ok && refused.errors.map((e) => e.message)).toEqual([expect.stringContaining('add "format" to this pack')]);
    // Expanded JSON-LD, which the ClaimReview importer does not read: nothing to install.
    const expanded = JSON.stringify([{ '@type': ['http://schema.org/ClaimReview'], 'http://schema.org/claimReviewed': [{ '@value': 'x' }] }]);
    const empty = await store.install('expanded.json', expanded, expanded.length);
    expect(!empty.ok && empty.errors[0]!.message).toMatch(/no claim could be imported as claimreview: 1 of 1 record/);
    expect(await store.list()).toEqual(before);
  });
});
