/**
 * The element names Claimlens adds to pages, and whether they still belong
 * to us on a given page.
 *
 * `claimlens-mark` and `claimlens-card` are valid custom element names, and a
 * document has one custom element registry, shared by the page and content
 * scripts. A page that defines either name first would have its own class
 * constructed on every element we create: its code would run on our marks,
 * and a constructor that attaches a shadow root makes our card's
 * attachShadow throw. So before creating anything we ask whether the page
 * has claimed a name, and if it has we leave the page alone.
 *
 * Firefox content scripts see the page's registry (through Xrays, so page
 * overrides of `customElements.get` do not reach us). Chrome's isolated world
 * has no `customElements` at all; there a detached probe element tells:
 * creating it runs a defined constructor synchronously, after which the probe
 * matches `:defined`, or is an HTMLUnknownElement when that constructor threw.
 * The probe is never inserted into the page.
 */

/** The tag name of every highlight element. Part of the public contract. */
export const MARK_TAG = 'claimlens-mark';

/** The tag name of the card host. Part of the public contract. */
export const CARD_TAG = 'claimlens-card';

/**
 * True when the page has defined `tag` as a custom element (so elements we
 * create under that name would run page code).
 */
export function pageClaimsTag(doc: Document, tag: string): boolean {
  const view = doc.defaultView;
  const registry = view?.customElements;
  if (registry) return registry.get(tag) !== undefined;
  const probe = doc.createElement(tag);
  if (probe.matches(':defined')) return true;
  // A name with no definition gives a plain HTMLElement; a failed constructor an HTMLUnknownElement.
  return view !== null && probe instanceof view.HTMLUnknownElement;
}

/**
 * True when the page has claimed either of our names. Marks without a card
 * are no use, so the two go together: when this holds, nothing is added.
 */
export function pageClaimsOurTags(doc: Document): boolean {
  return pageClaimsTag(doc, MARK_TAG) || pageClaimsTag(doc, CARD_TAG);
}
