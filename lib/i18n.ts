/**
 * The one way UI code gets its strings: `t(key, …)` over locales/en.yml
 * (built into _locales/<lang>/messages.json by @wxt-dev/i18n, read through
 * browser.i18n). Keys are type-checked against en.yml, the complete locale.
 */
import { i18n } from '#i18n';

/** Translates a key of locales/en.yml; see @wxt-dev/i18n for plurals and substitutions. */
export const t: typeof i18n.t = i18n.t;
