// Badge and popup after a back/forward-cache restore in Chromium.
import { defineBfcacheSuite } from './support/bfcache-suite';

defineBfcacheSuite('chromium');
