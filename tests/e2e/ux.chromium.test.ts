// Reader experience in Chromium: keyboard, popup, switches, DOM restore, SPA, axe-core, screenshots.
import { defineUxSuite } from './support/ux-suite';

defineUxSuite('chromium');
