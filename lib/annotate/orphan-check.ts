/**
 * Noticing that the extension went away while the page stays open (switched
 * off, reloaded or updated): its content scripts live on, orphaned, and
 * nothing tells them. Reading the context's validity is the only way to
 * learn it (see ArticleWatchOptions.alive), and a page that no longer
 * changes starts no run that would read it. So the check also runs when the
 * reader comes back to the page (another tab, the back/forward cache) or
 * reaches for a mark (pointer or focus), before a dead card could open.
 */
import { MARK_TAG } from './tags';

/**
 * Calls `onGone` (once the extension is gone) when the reader comes back
 * to `doc` or reaches for a mark, until `signal` aborts. Listens in the
 * capture phase on the document, so it runs before the card's listeners.
 */
export function checkAliveOnReturn(doc: Document, alive: () => boolean, onGone: () => void, signal: AbortSignal): void {
  const check = (event: Event) => {
    if (event.type === 'mouseover' || event.type === 'focusin') {
      const target = event.target as Partial<Element> | null;
      if (!target?.closest?.(MARK_TAG)) return;
    }
    if (!alive()) onGone();
  };
  const listen = { signal, capture: true } as const;
  for (const type of ['mouseover', 'focusin', 'visibilitychange']) doc.addEventListener(type, check, listen);
  doc.defaultView?.addEventListener('pageshow', check, listen);
}
