/**
 * The one way UI code gets its strings: `t(key, …)` over locales/en.yml
 * (built into _locales/<lang>/messages.json by @wxt-dev/i18n, read through
 * browser.i18n). Keys are type-checked against en.yml, the complete locale.
 */
import { i18n } from '#i18n';

/** Translates a key of locales/en.yml; see @wxt-dev/i18n for plurals and substitutions. */
export const t: typeof i18n.t = i18n.t;

/**
 * Wraps text that comes from a pack or a file (a title, a file name) in
 * Unicode first-strong and pop-directional isolates before it is put into a
 * translated message: its own direction then cannot spill over the rest of
 * the sentence, and a right-to-left override (U+202E) in a hostile pack's
 * title cannot make the words after it read backwards.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
