/**
 * From words to matching terms: stop words, stemming and low-weight
 * "common news words".
 *
 * A term is the Porter stem of a content word, so "contacted" and "contacts"
 * meet at "contact". Stop words carry no claim and never count. Common news
 * words ("said", "officials", "reported") do count, but weigh little: with a
 * pack of ten claims the pack's own claim frequencies cannot tell that
 * they appear in almost every news sentence, so this list says it for them.
 */
import { stemmer } from 'stemmer';

/** English function words: they never make a match. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
  few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
  herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me
  more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
  same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
  themselves then there there's these they they'd they'll they're they've this those through to too under
  until up upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's where
  where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your
  yours yourself yourselves also just even ever still yet via per among amid whether whose within without
  s t d ll m o re ve y`.split(/\s+/).filter(Boolean),
);

/**
 * Irregular verb forms that Porter stemming cannot join to their base, as
 * base:forms. News reports what people met, said, misled or spoke, in the
 * past tense, while claims are often worded in the present or as nouns.
 */
const IRREGULAR_FORMS = `
  meet:met lead:led mislead:misled speak:spoke,spoken tell:told say:said seek:sought bring:brought
  think:thought hold:held know:knew,known take:took,taken give:gave,given write:wrote,written
  choose:chose,chosen begin:began,begun fight:fought hide:hid,hidden send:sent keep:kept leave:left
  mean:meant feel:felt lose:lost win:won pay:paid buy:bought sell:sold run:ran steal:stole,stolen
  break:broke,broken forget:forgot,forgotten hear:heard find:found make:made go:went,gone see:saw,seen
  come:came get:got,gotten stand:stood understand:understood teach:taught catch:caught draw:drew,drawn
  drive:drove,driven fly:flew,flown grow:grew,grown shake:shook,shaken swear:swore,sworn tear:tore,torn
  throw:threw,thrown wear:wore,worn rise:rose,risen fall:fell,fallen flee:fled spend:spent build:built
  deal:dealt lend:lent bear:bore,borne bid:bade forbid:forbade,forbidden oversee:oversaw,overseen
  undertake:undertook,undertaken withdraw:withdrew,withdrawn
`;

const IRREGULAR: ReadonlyMap<string, string> = new Map(
  IRREGULAR_FORMS.split(/\s+/)
    .filter(Boolean)
    .flatMap((entry) => {
      const [base, forms] = entry.split(':') as [string, string];
      return forms.split(',').map((form) => [form, base] as const);
    }),
);

/** Stems are cached: pages repeat words, and stemming is the costliest step per token. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * Porter stem of a folded word, after mapping irregular verb forms to their
 * base ("met" → "meet", so "met" and "meeting" share a term). Words with
 * digits, dots or apostrophes (years, "u.s.") are kept as they are:
 * stemming would only mangle them.
 */
export function stemWord(norm: string): string {
  const cached = stemCache.get(norm);
  if (cached !== undefined) return cached;
  const stem = /[\d.']/.test(norm) ? norm : stemmer(IRREGULAR.get(norm) ?? norm);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(norm, stem);
  return stem;
}

/**
 * Words so frequent in news prose that sharing them says little about a
 * claim. Written as plain words; they are stemmed when the module loads.
 */
const COMMON_NEWS_WORDS = `
  say said says saying told tell tells according report reported reports reporting reportedly news statement
  official officials people person year years day days week weeks month months time times today yesterday
  tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december new old first last next former current recent recently
  one two three four five six seven eight nine ten many much several make made take took get got go going
  went come came know knew think thought want wanted see saw seen use used well like way back part
  including include includes included group number public state states country countries government world
  national local city work working told asked ask added add called call help right left end week
  man men woman women thing things place case issue matter point fact lot around time also u.s. american
  mr mrs ms percent million billion thousand early late later long high low big small good bad great
  need needs needed know known show shows showed find found give gave given put set keep kept try tried
`;

const COMMON_STEMS: ReadonlySet<string> = new Set(
  COMMON_NEWS_WORDS.split(/\s+/).filter(Boolean).map((w) => stemWord(w)),
);

/** True for a stop word (compared on the folded form). */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

/**
 * The matching term of a folded word, or null when the word cannot carry a
 * claim: stop words, single characters, and bare numbers other than years.
 */
export function termOf(norm: string): string | null {
  if (norm.length < 2 || STOP_WORDS.has(norm)) return null;
  if (/^\d+$/.test(norm) && norm.length !== 4) return null;
  return stemWord(norm);
}

/** A year as a word or term ("1999", "2016"): rank.ts weighs a year clash, quantities.ts does not count years. */
export const YEAR = /^(?:1[89]|20)\d\d$/;

/** True when a term (a stem) is a common news word or a year, which weigh little. */
export function isCommonTerm(term: string): boolean {
  return COMMON_STEMS.has(term) || /^\d{4}$/.test(term);
}
