// Privacy in Chromium: the extension makes no network requests (seed page and 20 news pages).
import { definePrivacySuite } from './support/privacy-suite';

definePrivacySuite('chromium');
