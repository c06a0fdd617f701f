// Marks under page rules with !important, through the built extension, in Chromium.
import { defineMarksImportantSuite } from './support/marks-important-suite';

defineMarksImportantSuite('chromium');
