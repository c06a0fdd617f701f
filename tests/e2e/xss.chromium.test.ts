// XSS through claim data in Chromium (a build with the generated hostile pack).
import { defineXssSuite } from './support/xss-suite';

defineXssSuite('chromium');
