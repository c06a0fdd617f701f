/**
 * One annotator per document. The gate script (entrypoints/content) and the
 * annotator that the background injects on articles (entrypoints/annotator)
 * run in the same isolated world of the page's frame, so they share its
 * globals, which the page itself never sees. This record says whether an
 * annotator runs in the document: the annotator refuses to start twice (an
 * SPA navigation or a repeated request cannot inject a second one), and the
 * gate script stops answering the popup once the annotator does.
 *
 * A new document gets a new world, so the record lives exactly as long as
 * the document.
 */
import type { ArticleSignal } from '../page/article-gate';

/** The shared record. */
interface Presence {
  /** An annotator has started in this document and was not stopped since. */
  running: boolean;
  /** The gate's verdict when the gate script asked for the annotator, handed on so the annotator need not run the gate again. */
  verdict: ArticleSignal | null;
}

/** Symbol.for keys are per realm: one per isolated world, shared by every script of the extension in it. */
const KEY = Symbol.for('claimlens.annotator');

function presence(): Presence {
  const world = globalThis as { [KEY]?: Presence };
  return (world[KEY] ??= { running: false, verdict: null });
}

/** True while an annotator runs in this document. */
export function annotatorRunning(): boolean {
  return presence().running;
}

/** Records the gate's verdict for the annotator about to be injected. */
export function handOverVerdict(verdict: ArticleSignal): void {
  presence().verdict = verdict;
}

/**
 * Claims the document for an annotator: returns the gate's handed-over
 * verdict (or null) when none runs yet, or undefined when one already does
 * (the caller must then do nothing). `signal` ends the claim.
 */
export function claimDocument(signal: AbortSignal): { verdict: ArticleSignal | null } | undefined {
  const p = presence();
  if (p.running || signal.aborted) return undefined;
  p.running = true;
  const verdict = p.verdict;
  p.verdict = null;
  signal.addEventListener('abort', () => (p.running = false), { once: true });
  return { verdict };
}
