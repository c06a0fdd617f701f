/**
 * Noticing that the extension went away while the page stays open (switched
 * off, reloaded or updated): its content scripts live on, orphaned, and
 * nothing tells them. Reading the context's validity is the only way to
 * learn it (see ArticleWatchOptions.alive), and a page that no longer
 * changes starts no run that would read it. So the check also runs when the
 * reader comes back to the page (its window gets focus again: another tab or
 * window before; or the back/forward cache) or reaches for a mark (pointer or
 * focus), before a dead card could open.
 *
 * Not on `visibilitychange`: it also fires as the reader navigates away, in
 * the browser's own long navigation task, and reading the context's validity
 * there (0.3 ms) made that task count as the extension's in the trace.
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
  for (const type of ['mouseover', 'focusin']) doc.addEventListener(type, check, listen);
  for (const type of ['focus', 'pageshow']) doc.defaultView?.addEventListener(type, check, listen);
}
