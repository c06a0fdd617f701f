/**
 * The background's claim index: the bundled index plus the enabled user
 * packs, compiled into one matcher, built on first use and kept in memory.
 *
 * Chrome may stop the service worker whenever it is idle, and everything
 * here is then rebuilt lazily by the next request (a cold start costs one
 * load of the bundled index, and one IndexedDB read per enabled user pack).
 * A user pack whose stored body cannot be read is left out and named in
 * status(); the bundled packs and the other user packs still match.
 * Content scripts send the article text and get back only what their page
 * needs: the annotations and the card data of the matched claims.
 */
import { IndexLoadError, loadIndex } from '../claims/load-index';
import type { RuntimeClaim, RuntimeIndex } from '../claims/runtime-types';
import { createMatcher, type Matcher } from '../match/matcher';
import type { AnnotateResult, IndexStatus, MatchedClaim } from '../messages';
import type { PackStore } from '../storage/pack-store';
import { getPackState } from '../storage/packs';
import type { Sensitivity } from '../storage/settings';
import { SENSITIVITY_OPTIONS } from './sensitivity';

/** Everything one request needs, for one set of enabled packs. */
interface Active {
  claims: RuntimeClaim[];
  byId: Map<string, RuntimeClaim>;
  packTitles: Map<string, string>;
  matcher: { sensitivity: Sensitivity; matcher: Matcher } | null;
  /** User packs left out because their bodies could not be read. */
  userErrors: string[];
}

/** The background's index; see the module comment. */
export interface IndexService {
  /** The bundled index, checked once (throws IndexLoadError when it is broken). */
  bundled(): RuntimeIndex;
  /** Matches `text` with the enabled packs at `sensitivity`. Never throws: errors come back as `{ ok: false }`. */
  annotate(text: string, sensitivity: Sensitivity): Promise<AnnotateResult>;
  /** Drops the compiled index (packs changed); the next request rebuilds it. */
  invalidate(): void;
  /** The load error of the current index, or null when it loads. */
  status(): Promise<IndexStatus>;
}

/** Creates the service around the bundled index module's value and the pack store. */
export function createIndexService(bundledRaw: unknown, packs: () => PackStore): IndexService {
  let bundledResult: RuntimeIndex | IndexLoadError | null = null;
  let active: Promise<Active> | null = null;
  let generation = 0;
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  function bundled(): RuntimeIndex {
    if (bundledResult === null) {
      try {
        bundledResult = loadIndex(bundledRaw);
      } catch (error) {
        if (!(error instanceof IndexLoadError)) throw error;
        bundledResult = error;
      }
    }
    if (bundledResult instanceof IndexLoadError) throw bundledResult;
    return bundledResult;
  }

  async function build(): Promise<Active> {
    const state = await getPackState();
    const off = new Set(state.disabled);
    // One unreadable user pack (damaged body, IndexedDB unavailable) must not take the bundled packs down with it.
    const userErrors: string[] = [];
    const indexes = [bundled(), ...(await packs().enabledUserIndexes(state, (packId, error) => userErrors.push(`pack "${packId}": ${message(error)}`)))];
    const claims: RuntimeClaim[] = [];
    const byId = new Map<string, RuntimeClaim>();
    const packTitles = new Map<string, string>();
    for (const index of indexes) {
      for (const pack of index.body.packs) packTitles.set(pack.id, pack.title);
      for (const claim of index.body.claims) {
        // Ids are checked on import; the first pack keeps an id if two ever collide.
        if (off.has(claim.packId) || byId.has(claim.id)) continue;
        byId.set(claim.id, claim);
        claims.push(claim);
      }
    }
    return { claims, byId, packTitles, matcher: null, userErrors };
  }

  function current(): Promise<Active> {
    if (!active) {
      const mine = generation;
      active = build().catch((error: unknown) => {
        // A failed build is not cached: fixing the packs must not need a restart.
        if (mine === generation) active = null;
        throw error;
      });
    }
    return active;
  }

  function matcherOf(a: Active, sensitivity: Sensitivity): Matcher {
    // Only one matcher is kept: with a large pack each costs real memory.
    if (a.matcher?.sensitivity !== sensitivity) {
      a.matcher = { sensitivity, matcher: createMatcher(a.claims, SENSITIVITY_OPTIONS[sensitivity]) };
    }
    return a.matcher.matcher;
  }

  return {
    bundled,
    invalidate() {
      generation++;
      active = null;
    },
    async annotate(text, sensitivity) {
      let a: Active;
      try {
        a = await current();
      } catch (error) {
        return { ok: false, error: message(error) };
      }
      const annotations = matcherOf(a, sensitivity).match(text);
      const claims: MatchedClaim[] = [];
      for (const id of new Set(annotations.map((x) => x.claimId))) {
        const c = a.byId.get(id);
        if (!c) continue;
        claims.push({ id: c.id, text: c.text, packId: c.packId, packTitle: a.packTitles.get(c.packId) ?? c.packId, stances: c.stances, reviews: c.reviews, ...(c.noteHtml === undefined ? {} : { noteHtml: c.noteHtml }) });
      }
      return { ok: true, annotations, claims };
    },
    async status() {
      try {
        const a = await current();
        // Matching goes on with the rest; the options page names the packs left out.
        return { ok: true, claims: a.claims.length, ...(a.userErrors.length > 0 ? { unreadable: a.userErrors } : {}) };
      } catch (error) {
        return { ok: false, error: message(error) };
      }
    },
  };
}
