import { defineConfig } from 'wxt';
import { claimPacksPlugin } from './lib/build/claim-packs-plugin';

// Gecko id and data_collection_permissions are required for Firefox MV3 on AMO;
// Claimlens collects nothing, which Firefox 140+ lets us declare with "none".
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Claimlens',
    description:
      'Highlights known claims in news articles and shows who asserted and who denied them. Everything runs locally.',
    permissions: ['storage'],
    action: { default_title: 'Claimlens' },
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
