// A client-side app page (removals, inserts, pushState, fragment links) in Chromium.
import { defineSpaSuite } from './support/spa-suite';

defineSpaSuite('chromium');
