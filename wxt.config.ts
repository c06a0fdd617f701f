import { defineConfig } from 'wxt';
import { claimPacksPlugin } from './lib/build/claim-packs-plugin';

// Gecko id and data_collection_permissions are required for Firefox MV3 on AMO;
// Claimlens collects nothing, which Firefox 140+ lets us declare with "none".
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  srcDir: '.',
  outDir: '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The content script on every page is only the article gate; the
    // background injects the annotator into pages that pass it
    // (lib/background/annotator.ts). scripting.executeScript and insertCSS
    // need host permissions for those pages: Chrome does not grant them for
    // content-script matches. They cover the same pages as the content
    // script, so the install warning stays the same.
    permissions: ['scripting', 'storage'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Claimlens' },
    // Alt+Shift+J, not a single key: screen readers (NVDA, JAWS) own most
    // single keys and many Ctrl combinations while reading a page.
    commands: {
      'focus-next-mark': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandFocusNextMark__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claimlens@claimlens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The gate script runs on every page, so it talks to the extension APIs
    // natively (promise-based in Chrome MV3 and in Firefox) rather than
    // through webextension-polyfill, whose set-up alone costs about 2 ms of
    // main-thread time per page in Chromium. Everything else, the annotator
    // included, keeps the polyfill. entrypoints/content/watch-page.ts uses
    // nothing the polyfill would have to adapt (sendResponse, not a returned
    // promise, answers messages).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => e.name === 'content')) return;
      const alias = config.resolve?.alias;
      const native = '@wxt-dev/browser';
      if (Array.isArray(alias)) {
        for (const entry of alias as { find: string | RegExp; replacement: string }[]) if (entry.find === 'wxt/browser') entry.replacement = native;
      } else if (alias && typeof alias === 'object') {
        (alias as Record<string, string>)['wxt/browser'] = native;
      }
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [claimPacksPlugin()],
  }),
});
