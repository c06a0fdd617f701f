/**
 * Functions that run inside a page (test page or extension page) for the
 * UX suites. Each is serialised on its own: self-contained, no imports, no
 * module-level helpers (types are fine: they are erased).
 */

interface ExtApi {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

/** Extension page: the id of the tab whose content script answers (the test page), or null. */
export async function findContentTab(): Promise<number | null> {
  const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
  const api = (g.browser ?? g.chrome)!;
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined) continue;
    try {
      const state = (await api.tabs.sendMessage(tab.id, { method: 'get-page-state' })) as { site?: string } | undefined;
      if (state && typeof state === 'object' && 'status' in state) return tab.id;
    } catch {
      // No content script in that tab (an extension page, about:blank).
    }
  }
  return null;
}

/** Extension page: sends a message to the content script of a tab and returns its answer. */
export async function messageTab({ tabId, message }: { tabId: number; message: object }): Promise<unknown> {
  const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
  return (g.browser ?? g.chrome)!.tabs.sendMessage(tabId, message);
}

/** What the extension's isolated world in a tab holds: whether an annotator runs there (lib/annotate/annotator-presence.ts). */
export interface WorldProbe {
  annotator: boolean;
}

/**
 * Extension page: looks into the content scripts' isolated world of a tab's
 * top frame (scripting.executeScript runs there), or, with `inject`, injects
 * the annotator file once more as the background does, to check that a
 * second injection does nothing.
 */
export async function probeWorld({ tabId, inject }: { tabId: number; inject?: string }): Promise<WorldProbe> {
  interface Scripting {
    executeScript(d: { target: { tabId: number }; files?: string[]; func?: () => unknown }): Promise<{ result?: unknown }[]>;
  }
  const g = globalThis as unknown as { browser?: { scripting: Scripting }; chrome?: { scripting: Scripting } };
  const api = (g.browser ?? g.chrome)!.scripting;
  if (inject) await api.executeScript({ target: { tabId }, files: [inject] });
  const [frame] = await api.executeScript({
    target: { tabId },
    func: () => {
      const presence = (globalThis as Record<symbol, { running?: boolean } | undefined>)[Symbol.for('claimlens.annotator')];
      return { annotator: presence?.running === true };
    },
  });
  return frame!.result as WorldProbe;
}

/** Extension page: the toolbar badge text of a tab. */
export async function badgeText(tabId: number): Promise<string> {
  const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
  return (g.browser ?? g.chrome)!.action.getBadgeText({ tabId });
}

/** What the popup shows. */
export interface PopupSnapshot {
  status: string;
  claims: { id: string; text: string; summary: string }[];
  site: boolean | null;
  paused: boolean;
  error: string | null;
}

/** Popup page: reads it. */
export function readPopup(): PopupSnapshot {
  const site = document.querySelector<HTMLInputElement>('input[name="site"]');
  return {
    status: document.querySelector('.page-status')?.textContent ?? '',
    claims: [...document.querySelectorAll('.claims li')].map((li) => ({
      id: li.getAttribute('data-claim-id') ?? '',
      text: li.querySelector('.claim-text')?.textContent ?? '',
      summary: li.querySelector('.stance-summary')?.textContent ?? '',
    })),
    site: site ? site.checked : null,
    paused: document.querySelector<HTMLInputElement>('input[name="pause"]')?.checked ?? false,
    error: document.querySelector('.index-error')?.textContent ?? null,
  };
}

/** Any page: clicks the first element matching `selector`; false when there is none. */
export function clickSelector(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector);
  el?.click();
  return el !== null;
}

/** Test page: the article's marks and whether its DOM is what the page served. */
export interface ArticleState {
  marks: number;
  /** Distinct claims carried by the marks (a sentence split by a link has several marks). */
  claims: number;
  ids: string[];
  /** The article's innerHTML equals the copy the page saved before the extension ran. */
  pristine: boolean;
  cardHosts: number;
  /** Earlier articles the page swapped out that still hold marks. */
  marksInOldArticles: number;
}

/** Test page: reads the article (window.__pristine and window.__articles are set by the fixtures). */
export function readArticle(): ArticleState {
  const w = window as unknown as { __pristine?: string; __articles?: Element[] };
  const article = document.querySelector('article');
  const ids = [...new Set([...document.querySelectorAll('claimlens-mark')].map((m) => m.getAttribute('data-claim-ids') ?? ''))];
  return {
    marks: document.querySelectorAll('claimlens-mark').length,
    claims: new Set(ids.flatMap((i) => i.split(' '))).size,
    ids,
    pristine: article !== null && article.innerHTML === w.__pristine,
    cardHosts: document.querySelectorAll('claimlens-card').length,
    marksInOldArticles: (w.__articles ?? []).reduce((n, a) => n + a.querySelectorAll('claimlens-mark').length, 0),
  };
}

/** Test page: what holds focus, inside the card's shadow root too. */
export function focusInfo(): { markIds: string | null; inCard: string | null; describedBy: string | null } {
  const active = document.activeElement;
  const card = document.querySelector('claimlens-card');
  const shadowActive = card?.shadowRoot?.activeElement ?? null;
  const isMark = active?.localName === 'claimlens-mark';
  const described = isMark ? document.getElementById(active.getAttribute('aria-describedby') ?? '')?.textContent ?? null : null;
  return {
    markIds: isMark ? active.getAttribute('data-claim-ids') : null,
    inCard: active === card && shadowActive ? (shadowActive.getAttribute('role') ?? shadowActive.localName) : null,
    describedBy: described,
  };
}

/** A page with axe-core injected: runs it on `context` and returns the violations. */
export async function runAxe(context: unknown): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const axe = (window as unknown as { axe: { run(c: unknown, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
  const result = await axe.run(context, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
}

/** The page's text as anchoring tools count it (the exported TextPositionSelectors are offsets into it). */
export function bodyText(): string {
  return document.body.textContent ?? '';
}
