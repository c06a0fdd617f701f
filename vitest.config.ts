import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { claimPacksPlugin } from './lib/build/claim-packs-plugin';

// Two projects: fast tests (unit, DOM, entrypoint) and E2E in real browsers.
// E2E loads the built extension from .output/, so `npm test` builds first.
export default defineConfig({
  test: {
    projects: [
      {
        // WxtVitest does not apply wxt.config's Vite plugins, so the bundled
        // index module is provided here the same way the build provides it.
        plugins: [WxtVitest(), claimPacksPlugin()],
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/dom/**/*.test.{ts,tsx}', 'tests/entrypoints/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
