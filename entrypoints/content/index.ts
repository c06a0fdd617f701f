import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from './watch-page';

// Runs on every http(s) page and stays small: the article gate, and a
// request to the background to inject the annotator (entrypoints/annotator)
// once the page is an article. Pages that are not articles pay for the
// gate and little else.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's context announces itself with a CustomEvent on the document; its
  // legacy extra window.postMessage, which every page's message listeners
  // would receive, is left out.
  noScriptStartedPostMessage: true,
  main(ctx) {
    watchPage(ctx);
  },
});
