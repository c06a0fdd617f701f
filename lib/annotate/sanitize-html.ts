/**
 * The one boundary through which HTML from claim data may reach the DOM.
 *
 * Claim packs come from anywhere (importers, users), so any field that is
 * ever shown as markup (an optional rich explanation, say) must pass through
 * {@link sanitizeHtml} first, and only its branded result may be rendered as
 * HTML. Everything else stays plain text (Preact escapes it).
 *
 * DOMPurify does the work, with a strict allow-list: a few inline and list
 * tags, and links that are absolute http(s) only (safeHttpUrl, the same gate
 * the card uses), always opening in a new tab without an opener or referrer.
 * It fails closed: DOMPurify returns its input untouched when it finds no
 * usable DOM (and silently does not sanitise under happy-dom), so a one-time
 * self-test refuses to run rather than pass markup through.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { safeHttpUrl } from '../claims/safe-url';

declare const sanitized: unique symbol;

/** HTML that has been through {@link sanitizeHtml}; the brand stops raw strings from passing as it. */
export type SanitizedHtml = string & { readonly [sanitized]: true };

/** The only elements that survive sanitising. */
export const ALLOWED_TAGS: readonly string[] = ['a', 'em', 'strong', 'b', 'i', 'p', 'br', 'ul', 'ol', 'li'];

/** The only attribute kept from the input; `rel` and `target` are set by us on links. */
const ALLOWED_ATTR = ['href'];

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR,
  // Only http(s) hrefs pass DOMPurify; the hook below re-checks with safeHttpUrl.
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // The text inside a removed wrapper (<span>, <div>) stays; DOMPurify drops the
  // contents of <script>, <style>, <template> and other raw-text elements whole.
  KEEP_CONTENT: true,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

/** A vector that every working sanitiser must neutralise; used as a self-test. */
const CANARY = '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>';

const purifiers = new WeakMap<object, DOMPurify>();

/** A configured DOMPurify bound to `win`, created and self-tested once per window. */
function purifierFor(win: WindowLike & object): DOMPurify {
  const cached = purifiers.get(win);
  if (cached) return cached;
  const purify = createDOMPurify(win);
  if (!purify.isSupported) {
    throw new Error('sanitizeHtml: DOMPurify has no usable DOM here, so nothing can be rendered as HTML');
  }
  // Hooks live on this private instance, so other DOMPurify users are unaffected.
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = safeHttpUrl(node.getAttribute('href'));
    if (href === undefined) node.removeAttribute('href');
    else node.setAttribute('href', href);
    node.setAttribute('rel', 'noopener noreferrer');
    node.setAttribute('target', '_blank');
  });
  const probe = purify.sanitize(CANARY, CONFIG);
  if (/onerror|javascript:|<img/i.test(probe)) {
    throw new Error('sanitizeHtml: DOMPurify did not sanitise its self-test (an unsupported DOM such as happy-dom?); refusing to render HTML');
  }
  purifiers.set(win, purify);
  return purify;
}

/**
 * Sanitises untrusted HTML for rendering: only {@link ALLOWED_TAGS} survive,
 * every attribute but a link's http(s) `href` is dropped, and links get
 * `rel="noopener noreferrer"` and `target="_blank"`. Text content is kept.
 * `win` defaults to the global window (the content script's own).
 * Throws when no DOM able to sanitise is available, never returning raw input.
 */
export function sanitizeHtml(html: string, win: WindowLike & object = globalThis.window): SanitizedHtml {
  if (!win) throw new Error('sanitizeHtml: no window to parse HTML in');
  const clean = purifierFor(win).sanitize(String(html), CONFIG);
  return clean as SanitizedHtml;
}
