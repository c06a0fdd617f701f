// The seed article in Chromium (playwright-core, unpacked .output/chrome-mv3).
import { defineSeedSuite } from './support/seed-suite';

defineSeedSuite('chromium');
