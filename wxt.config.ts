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
    permissions: ['storage'],
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
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [claimPacksPlugin()],
  }),
});
