/**
 * What the toolbar badge says for a tab, derived from the latest message of
 * its content script. Pure apart from reading the locale's strings, so it is
 * tested without a browser.
 */
import { t } from './i18n';
import type { ContentToBackground, WireMessage } from './messages';

/** Badge text, colour and tooltip. */
export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

/** The content-script reports that set the badge. */
export type BadgeReport = WireMessage<Pick<ContentToBackground, 'page-claims' | 'index-error'>>;

/** Badge colour of a normal count. */
const COUNT_COLOR = '#7a4b00';

/**
 * Maps a content-script report to the badge: the count of distinct claims,
 * "!" on error, nothing (with a tooltip saying why) when Claimlens is off.
 */
export function badgeForMessage(message: BadgeReport): BadgeState {
  if (message.method === 'index-error') {
    return { text: '!', color: '#b00020', title: t('badge.indexError', [message.message]) };
  }
  if (message.off === 'paused') return { text: '', color: COUNT_COLOR, title: t('badge.paused') };
  if (message.off === 'site-off') return { text: '', color: COUNT_COLOR, title: t('badge.siteOff') };
  const count = new Set(message.claimIds).size;
  return {
    text: count > 0 ? String(count) : '',
    color: COUNT_COLOR,
    title: count === 0 ? t('badge.none') : t('badge.count', count),
  };
}
