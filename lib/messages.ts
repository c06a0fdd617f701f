/**
 * The one typed source for runtime messages. Each direction has a method
 * map: the method name, its parameters and its result. Nothing is `any`, so
 * a renamed field breaks the build instead of a badge.
 *
 * Directions:
 * - ContentToBackground: a content script asks for the annotator and for matching, and reports its page;
 * - PageToBackground: the popup and options page manage packs (extension pages only);
 * - ToContent: the background (shortcut) and the popup talk to one tab's content script.
 */
import { browser } from 'wxt/browser';
import type { Review } from './claims/schema';
import type { RuntimeStance } from './claims/runtime-types';
import type { Annotation } from './match/types';
import type { WebAnnotationCollection } from './annotate/web-annotation';
import type { InstallOutcome, PackListing } from './storage/pack-store';

/** The keyboard command (manifest `commands`, Alt+Shift+J by default) that focuses the next mark. */
export const FOCUS_NEXT_MARK_COMMAND = 'focus-next-mark';

/** A matched claim with what its card shows, as the background sends it. */
export interface MatchedClaim {
  id: string;
  text: string;
  packId: string;
  packTitle: string;
  stances: RuntimeStance[];
  reviews: Review[];
  /** Untrusted limited HTML from the pack; the card sanitises it. */
  noteHtml?: string;
}

/** The background's answer to `annotate`. */
export type AnnotateResult = { ok: true; annotations: Annotation[]; claims: MatchedClaim[] } | { ok: false; error: string };

/** The background's answer to `load-annotator`. */
export type LoadAnnotatorResult = { ok: true } | { ok: false; error: string };

/**
 * Whether the index loads, and how many claims are active; `unreadable`
 * names user packs left out because their stored bodies could not be read.
 */
export type IndexStatus = { ok: true; claims: number; unreadable?: string[] } | { ok: false; error: string };

/** Messages a content script sends to the background. */
export interface ContentToBackground {
  /** Match the article text (it never leaves the browser) against the enabled packs. */
  annotate: { params: { text: string }; result: AnnotateResult };
  /** The claims annotated on this tab's page (empty when none or when off, with the reason). */
  'page-claims': { params: { claimIds: string[]; off?: 'paused' | 'site-off' }; result: void };
  /** The claim index failed to load: the tab shows an error state, no marks. */
  'index-error': { params: { message: string }; result: void };
  /**
   * The page passed the article gate: inject the annotator (its script and
   * its marks' CSS) into the sender's document. The gate-first content
   * script sends it at most once per document.
   */
  'load-annotator': { params: Record<string, never>; result: LoadAnnotatorResult };
}

/** Messages the options page and popup send to the background. */
export interface PageToBackground {
  'list-packs': { params: Record<string, never>; result: PackListing[] };
  /** Installs a pack file: `text` is its contents, `bytes` its size. Changes nothing when it fails. */
  'import-pack': { params: { fileName: string; text: string; bytes: number }; result: InstallOutcome };
  'set-pack-enabled': { params: { packId: string; enabled: boolean }; result: void };
  /** Removes a user pack (bundled packs can only be switched off). */
  'remove-pack': { params: { packId: string }; result: void };
  'index-status': { params: Record<string, never>; result: IndexStatus };
}

/** One claim found on a page, as the popup lists it. */
export interface PageClaimSummary {
  id: string;
  text: string;
  packTitle: string;
  asserted: number;
  denied: number;
  /** Mark elements carrying the claim: a sentence cut by a link or by emphasis is several marks. */
  marks: number;
}

/** What a tab's content script reports to the popup. */
export interface PageState {
  site: string | null;
  /**
   * `working` while matching, `annotated` when done (claims may be empty),
   * `not-article` when the gate said no, `off` when paused or switched off
   * for this site, `error` when the page could not be annotated (the index
   * failed to load, the annotator could not be injected), with `error` saying why.
   */
  status: 'working' | 'annotated' | 'not-article' | 'off' | 'error';
  off: 'paused' | 'site-off' | null;
  error?: string;
  claims: PageClaimSummary[];
}

/** Messages sent to one tab's content script (by the background or the popup). */
export interface ToContent {
  /** The keyboard shortcut: focus the next mark after the current focus (wrapping). */
  'focus-next-mark': { params: Record<string, never>; result: boolean };
  'get-page-state': { params: Record<string, never>; result: PageState };
  /** Scrolls to the claim's first mark, focuses it and opens its card. */
  'show-claim': { params: { claimId: string }; result: boolean };
  /** The page's annotations as W3C Web Annotations, or null when there are none. */
  'export-annotations': { params: Record<string, never>; result: WebAnnotationCollection | null };
}

/** The parameters of method `K` of map `M`. */
export type Params<M, K extends keyof M> = M[K] extends { params: infer P } ? P : never;
/** The result of method `K` of map `M`. */
export type Result<M, K extends keyof M> = M[K] extends { result: infer R } ? R : never;

/** A message on the wire: the method name plus its parameters. */
export type WireMessage<Map> = {
  [K in keyof Map]: { method: K } & (Map[K] extends { params: infer P } ? P : never);
}[keyof Map];

/** A handler for every method of a map; a missing one is a type error. */
export type Handlers<Map, Context> = {
  [K in keyof Map]: (params: WireMessage<Map> & { method: K }, context: Context) => Result<Map, K> | Promise<Result<Map, K>>;
};

/** Narrows an unknown incoming message to one of the map's methods by name. */
export function isWireMessage<Map>(value: unknown, methods: readonly (keyof Map)[]): value is WireMessage<Map> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'method' in value &&
    methods.includes((value as { method: keyof Map }).method)
  );
}

/** The methods of ContentToBackground, for runtime checks. */
export const CONTENT_TO_BACKGROUND_METHODS = ['annotate', 'page-claims', 'index-error', 'load-annotator'] as const satisfies readonly (keyof ContentToBackground)[];

/** The methods of PageToBackground, for runtime checks. */
export const PAGE_TO_BACKGROUND_METHODS = ['list-packs', 'import-pack', 'set-pack-enabled', 'remove-pack', 'index-status'] as const satisfies readonly (keyof PageToBackground)[];

/** The methods of ToContent, for runtime checks. */
export const TO_CONTENT_METHODS = ['focus-next-mark', 'get-page-state', 'show-claim', 'export-annotations'] as const satisfies readonly (keyof ToContent)[];

/** Every method the background answers. */
export type ToBackground = ContentToBackground & PageToBackground;

/** Sends a typed message to the background and returns its typed result. */
export function sendToBackground<K extends keyof ToBackground>(method: K, params: Params<ToBackground, K>): Promise<Result<ToBackground, K>> {
  return browser.runtime.sendMessage({ method, ...(params as object) }) as Promise<Result<ToBackground, K>>;
}

/** Sends a typed message to the content script of tab `tabId`. */
export function sendToTab<K extends keyof ToContent>(tabId: number, method: K, params: Params<ToContent, K>): Promise<Result<ToContent, K>> {
  return browser.tabs.sendMessage(tabId, { method, ...(params as object) }) as Promise<Result<ToContent, K>>;
}
