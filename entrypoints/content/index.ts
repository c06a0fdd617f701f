import './marks.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { annotatePage } from './annotate-page';

// Runs on every http(s) page but does real work only on articles: the gate
// inside the page session is a few selector lookups on other pages.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    annotatePage(ctx);
  },
});
