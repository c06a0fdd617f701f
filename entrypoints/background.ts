import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeForMessage } from '../lib/badge';
import { CONTENT_TO_BACKGROUND_METHODS, isWireMessage, type ContentToBackground } from '../lib/messages';

// Keeps each tab's count of matched claims on the toolbar badge. Browsers
// reset tab-specific badge text on navigation, so no cleanup is needed.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isWireMessage<ContentToBackground>(message, CONTENT_TO_BACKGROUND_METHODS)) return;
    const badge = badgeForMessage(message);
    void browser.action.setBadgeText({ tabId, text: badge.text });
    void browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    void browser.action.setTitle({ tabId, title: badge.title });
  });
});
