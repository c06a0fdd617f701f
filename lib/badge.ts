/**
 * What the toolbar badge says for a tab, derived from the latest message of
 * its content script. Pure, so it is tested without a browser.
 */
import type { ContentToBackground, WireMessage } from './messages';

/** Badge text, colour and tooltip. */
export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

/** Maps a content-script report to the badge: the count of distinct claims, or "!" on error. */
export function badgeForMessage(message: WireMessage<ContentToBackground>): BadgeState {
  if (message.method === 'index-error') {
    return { text: '!', color: '#b00020', title: `Claimlens: claim index failed to load (${message.message})` };
  }
  const count = new Set(message.claimIds).size;
  return {
    text: count > 0 ? String(count) : '',
    color: '#7a4b00',
    title: count === 0 ? 'Claimlens: no known claims on this page' : `Claimlens: ${count} known claim${count === 1 ? '' : 's'} on this page`,
  };
}
