// Marks under page rules with !important, through the built extension, in Firefox ESR.
import { defineMarksImportantSuite } from './support/marks-important-suite';

defineMarksImportantSuite('firefox');
