/**
 * The one MutationObserver of a page: tells when the page changed its own
 * content (infinite scroll, a lazily loaded body, a client-side route), and
 * never when we did. Our writes go through `ours()`, which first hands any
 * pending page records on, then writes, then takes and drops the records the
 * writes made. JavaScript runs one task at a time, so every record between
 * those two takeRecords() calls is ours: our marks can never start new work.
 */

/** The watch over one document. */
export interface DomWatch {
  /** Runs `writes` (our DOM changes) without them counting as page changes. */
  ours(writes: () => void): void;
}

/** True when a record is about the page's content rather than our own elements. */
function isPageRecord(record: MutationRecord, isOurs: (node: Node) => boolean): boolean {
  if (isOurs(record.target)) return false;
  if (record.type === 'characterData' || record.type === 'attributes') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.some((n) => !isOurs(n) && (n.nodeType === 1 || (n.nodeType === 3 && /\S/.test((n as Text).data))));
}

/**
 * Observes `doc` until `signal` aborts and calls `onChange` (once per batch
 * of records) when the page changed content. `isOurs` says which nodes are
 * ours (the card host and what is inside it).
 */
export function watchDom(
  doc: Document,
  isOurs: (node: Node) => boolean,
  onChange: () => void,
  signal: AbortSignal,
  /** Attributes whose changes also count (the gate's: its verdict reads them). */
  attributeFilter?: string[],
): DomWatch {
  const View = doc.defaultView?.MutationObserver ?? MutationObserver;
  const handle = (records: MutationRecord[]) => {
    if (!signal.aborted && records.some((r) => isPageRecord(r, isOurs))) onChange();
  };
  const observer = new View(handle);
  observer.observe(doc, { childList: true, subtree: true, characterData: true, ...(attributeFilter ? { attributeFilter } : {}) });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return {
    ours(writes) {
      handle(observer.takeRecords());
      try {
        writes();
      } finally {
        observer.takeRecords();
      }
    },
  };
}
