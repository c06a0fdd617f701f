// XSS through claim data in Firefox ESR (a build with the generated hostile pack).
import { defineXssSuite } from './support/xss-suite';

defineXssSuite('firefox');
