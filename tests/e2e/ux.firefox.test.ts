// Reader experience in Firefox ESR: keyboard, popup, switches, DOM restore, SPA, axe-core.
import { defineUxSuite } from './support/ux-suite';

defineUxSuite('firefox');
