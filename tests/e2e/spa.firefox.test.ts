// A client-side app page (removals, inserts, pushState, fragment links) in Firefox ESR.
import { defineSpaSuite } from './support/spa-suite';

defineSpaSuite('firefox');
