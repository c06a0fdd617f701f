// Hostile pages in Chromium (playwright-core, unpacked .output/chrome-mv3).
import { defineHostileSuite } from './support/hostile-suite';

defineHostileSuite('chromium');
