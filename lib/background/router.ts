/**
 * The background's message handling: one typed handler per method of
 * ContentToBackground and PageToBackground (lib/messages.ts), plus the
 * toolbar badge that follows each tab's report.
 *
 * Pack management is accepted only from the extension's own pages (options,
 * popup): a content script lives in pages we do not trust and may only ask
 * for the annotator and for matching, and report its page.
 */
import { browser, type Browser } from 'wxt/browser';
import { badgeForMessage, type BadgeReport } from '../badge';
import {
  CONTENT_TO_BACKGROUND_METHODS,
  isWireMessage,
  PAGE_TO_BACKGROUND_METHODS,
  type ContentToBackground,
  type Handlers,
  type PageToBackground,
} from '../messages';
import type { PackStore } from '../storage/pack-store';
import { getSettings } from '../storage/settings';
import { injectAnnotator, type AnnotatorTarget } from './annotator';
import type { IndexService } from './index-service';

/** What a content-script handler knows about the sender: its tab, frame and document, and the page's URL. */
interface TabContext extends AnnotatorTarget {
  url: string;
}

/** Sets the badge of `tabId` for a content script's report. */
export async function showBadge(tabId: number, message: BadgeReport): Promise<void> {
  const badge = badgeForMessage(message);
  // A tab may close before its report arrives; its badge no longer matters.
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]).catch(() => undefined);
}

/** Creates the onMessage listener for the background. */
export function createRouter(service: IndexService, packs: () => PackStore) {
  const content: Handlers<ContentToBackground, TabContext> = {
    async annotate({ text }, { tabId }) {
      const { sensitivity } = await getSettings();
      const result = await service.annotate(typeof text === 'string' ? text : '', sensitivity);
      if (!result.ok) await showBadge(tabId, { method: 'index-error', message: result.error });
      return result;
    },
    'page-claims': (message, { tabId }) => showBadge(tabId, message),
    'index-error': (message, { tabId }) => showBadge(tabId, message),
    'load-annotator': async (_message, { url, ...target }) =>
      // Only pages the content script is declared for (http and https).
      /^https?:/.test(url) ? injectAnnotator(target) : { ok: false, error: 'not an http(s) page' },
  };
  const pages: Handlers<PageToBackground, null> = {
    'list-packs': () => packs().list(),
    'import-pack': async ({ fileName, text, bytes }) => {
      const outcome = await packs().install(String(fileName), String(text), Number(bytes));
      if (outcome.ok) service.invalidate();
      return outcome;
    },
    'set-pack-enabled': async ({ packId, enabled }) => {
      await packs().setEnabled(String(packId), enabled === true);
      service.invalidate();
    },
    'remove-pack': async ({ packId }) => {
      await packs().remove(String(packId));
      service.invalidate();
    },
    'index-status': () => service.status(),
  };

  const ownPages = () => browser.runtime.getURL('/');

  /** Returns a promise for messages it answers, undefined for the rest (so other listeners may answer). */
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (isWireMessage<ContentToBackground>(message, CONTENT_TO_BACKGROUND_METHODS)) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      const context: TabContext = {
        tabId,
        frameId: sender.frameId ?? 0,
        ...(sender.documentId ? { documentId: sender.documentId } : {}),
        url: sender.url ?? '',
      };
      const handler = content[message.method] as (m: typeof message, c: TabContext) => unknown;
      return Promise.resolve(handler(message, context));
    }
    if (isWireMessage<PageToBackground>(message, PAGE_TO_BACKGROUND_METHODS)) {
      if (!sender.url?.startsWith(ownPages())) return undefined;
      const handler = pages[message.method] as (m: typeof message, c: null) => unknown;
      return Promise.resolve(handler(message, null));
    }
    return undefined;
  };
}
