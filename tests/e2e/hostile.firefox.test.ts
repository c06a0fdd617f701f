// Hostile pages in Firefox ESR (puppeteer-core over WebDriver BiDi, .output/firefox-mv3).
import { defineHostileSuite } from './support/hostile-suite';

defineHostileSuite('firefox');
