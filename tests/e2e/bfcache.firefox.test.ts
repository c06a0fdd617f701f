// Badge and popup after a back/forward-cache restore in Firefox.
import { defineBfcacheSuite } from './support/bfcache-suite';

defineBfcacheSuite('firefox');
