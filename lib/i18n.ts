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
 * title cannot make the words after it read backwards. Explicit direction
 * controls in the text are dropped (plain letters keep their direction).
 */
export function isolate(text: string): string {
  // The text's own embedding, override and isolate controls go: a pop (U+2069) in it would end the isolate early.
  return `\u2068${text.replace(BIDI_CONTROLS, '')}\u2069`;
}

/** Explicit directional embeddings, overrides and isolates (U+202A–202E, U+2066–2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
