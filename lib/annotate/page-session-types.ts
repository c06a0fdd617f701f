/**
 * The page session's contract with the content script that starts it
 * (page-session.ts): what it needs, and the handle it gives back.
 */
import type { Annotation } from '../match/types';
import type { AnnotateResult, MatchedClaim, PageState } from '../messages';
import type { ArticleSignal } from '../page/article-gate';
import type { TextModel } from '../page/text-model';
import type { Settings } from '../storage/settings';
import type { CardItem } from './annotated-page';

/** What the session needs from the content script. */
export interface PageSessionOptions {
  doc: Document;
  signal: AbortSignal;
  /** Asks the background to match the article text. */
  match(text: string): Promise<AnnotateResult>;
  cardCss: string;
  renderCard(container: HTMLElement, items: CardItem[]): void;
  clearCard(container: HTMLElement): void;
  /** Reports the page's claims (or why there are none) for the toolbar badge. */
  report(claimIds: string[], off: 'paused' | 'site-off' | null): void;
  /** Text of the hidden description of a mark (its claims), for assistive tech. */
  describe(claims: MatchedClaim[]): string;
  /**
   * The gate's verdict on this document when the caller has just run the
   * gate (the gate-first content script did, before asking for the
   * annotator): the first run uses it instead of running the gate again.
   */
  verdict?: ArticleSignal | null;
  /** False once the extension is gone (an orphaned content script): runs stop; see ArticleWatchOptions.alive. */
  alive?: () => boolean;
}

/** The session's handle, used by the content script's message handlers. */
export interface PageSession {
  /** Applies new settings: switching off removes every mark; switching on annotates. */
  setSettings(settings: Settings): void;
  /** Looks again soon (a client-side route change). */
  refresh(): void;
  /** Matches the page again even if its text is the same: the claims it may match changed (a pack switched off, removed or imported). */
  rematch(): void;
  state(): PageState;
  /** Focuses the next mark after the focused element, wrapping around; false when there is none. */
  focusNextMark(): boolean;
  /** Scrolls to the claim's first mark, focuses it and opens its card. */
  showClaim(claimId: string): boolean;
  /** The current annotations, for export; null when there are none. */
  annotated(): { model: TextModel; annotations: Annotation[]; claims: MatchedClaim[] } | null;
  /** Resolves when no run is pending or running (for tests). */
  idle(): Promise<void>;
}
