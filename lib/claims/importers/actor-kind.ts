/**
 * Person or organisation, for claimants whose input says neither.
 *
 * Fact-check data often names a claimant by a bare string ("Donald Trump",
 * "Facebook posts", "Viral image") or types it as schema.org `Thing`, yet
 * the pack needs a kind. This is a guess from the name, and importers count
 * every guess in their report. It errs towards "organization" for anything
 * that is not a short run of capitalised words, because calling a group of
 * posts a person is the worse mistake on a card.
 */

/** Words that mark a name as a group, a medium or an institution rather than one person. */
const GROUP_WORDS = new Set(
  (
    'posts post image images video videos email emails e-mail bloggers blog blogs website websites ad ads meme memes tweet tweets ' +
    'party committee association council union coalition foundation institute center centre group groups pac inc llc ltd corp ' +
    'company news times network department agency administration campaign club society organization organisation league caucus ' +
    'fund alliance media tv radio magazine journal senate house congress democrats republicans gop dnc rnc facebook instagram ' +
    'twitter tiktok youtube whatsapp reddit users sources people report reports petition chain letter message messages viral ' +
    'article articles headline site sites page pages account accounts channel government ministry office bureau commission ' +
    'university college school church county city state states nation team staff'
  ).split(' '),
);

/** Lower-case particles that belong in personal names ("Ludwig van Beethoven", "Kamala D. Harris"). */
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'la', 'le', 'bin', 'al', 'ibn', 'y', 'st']);

/** A guess at whether `name` is a person; see the module comment. */
export function guessActorKind(name: string): 'person' | 'organization' {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return 'organization';
  if (/^the$/i.test(words[0]!)) return 'organization'; // "The Gateway Pundit", "The New York Times"
  for (const word of words) {
    const bare = word.replace(/[.,'’"()]/g, '');
    if (bare === '') continue;
    if (GROUP_WORDS.has(bare.toLowerCase())) return 'organization';
    const capitalised = /^\p{Lu}/u.test(bare);
    if (!capitalised && !NAME_PARTICLES.has(bare)) return 'organization';
    if (/\d/.test(bare) || (bare.length > 3 && bare === bare.toUpperCase())) return 'organization'; // "NRA", "ACLU", "WHO"
  }
  return 'person';
}

/** The kind named by a schema.org type, if it names one. */
export function kindOfType(types: readonly string[]): 'person' | 'organization' | undefined {
  if (types.includes('Person')) return 'person';
  const organisations = ['Organization', 'NewsMediaOrganization', 'GovernmentOrganization', 'Corporation', 'PoliticalParty', 'NGO'];
  return types.some((t) => organisations.includes(t)) ? 'organization' : undefined;
}
