// The seed article in Firefox ESR (puppeteer-core over WebDriver BiDi, .output/firefox-mv3).
import { defineSeedSuite } from './support/seed-suite';

defineSeedSuite('firefox');
