// Page text is not always prose: a hostile or broken page can hold long runs
// such as "A.A.A.…", "ab.ab.ab.…" or "a-a-a-…". The tokenizer once read such
// a run to its end from each of its words (the link and acronym patterns and
// the scanner's look-ahead were unbounded), so its work grew with the square
// of the run: 60,000 characters took seconds, and a hostile page could keep
// the background's matcher busy for minutes. These are guards against that
// blow-up, not speed budgets: 200,000 characters take 0.05-0.25 s now
// (tokenised, split and matched, on a busy 2-core machine) and took 17-107 s
// before, so a bound of 3 s separates the two by far more than any machine's
// noise. (The README's rule that budgets are never timed tests is about
// speed budgets; these guard against a hang.)
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/match/matcher';
import { MAX_HOST_LENGTH, mayBeLink } from '../../lib/match/scan';
import { splitSentences } from '../../lib/match/sentences';
import { tokenize } from '../../lib/match/tokenize';

const RUNS: Record<string, string> = {
  'dotted capitals': 'A.'.repeat(100_000) + 'b',
  'dotted words': 'ab.'.repeat(66_000),
  'hyphenated letters': 'a-'.repeat(100_000),
  'dotted numbers': '1.2.'.repeat(50_000),
  'non-ASCII dotted capitals': 'É.'.repeat(100_000) + 'b',
  'non-ASCII dotted words': 'éé.'.repeat(66_000),
  'non-ASCII hyphenated letters': 'é-'.repeat(100_000),
  'dotted words ending in a non-ASCII letter': 'ab.'.repeat(66_000) + 'é',
};

describe('long runs of punctuated letters', () => {
  for (const [name, text] of Object.entries(RUNS)) {
    it(`tokenizes, splits and matches ${name} (200,000 characters) without quadratic work`, () => {
      const matcher = createMatcher([{ id: 'c', text: 'The mayor said the flood cost four million dollars', paraphrases: [], entities: [] }]);
      const started = performance.now();
      const tokens = tokenize(text);
      const sentences = splitSentences(text);
      const annotations = matcher.match(text);
      const elapsed = performance.now() - started;
      expect(tokens.length).toBeGreaterThan(30_000);
      expect(sentences.length).toBeGreaterThan(0);
      expect(annotations).toEqual([]);
      expect(elapsed).toBeLessThan(3_000);
    }, 600_000);
  }

  it('reads a dotted acronym of up to twelve letters whole; a longer run starts with single letters', () => {
    expect(tokenize('the U.S.A. team').map((t) => t.norm)).toEqual(['the', 'u.s.a.', 'team']);
    expect(tokenize('A.'.repeat(12) + ' x').map((t) => t.norm)).toEqual(['a.'.repeat(12), 'x']);
    expect(tokenize('A.'.repeat(13) + ' x').map((t) => t.norm)).toEqual(['a', 'a.'.repeat(12), 'x']);
  });

  it('still finds links with ordinary host names, and none past a host name’s length', () => {
    expect(tokenize('see news.example.co.uk/story now').map((t) => t.norm)).toEqual(['see', 'now']);
    expect(mayBeLink(`${'a'.repeat(MAX_HOST_LENGTH - 4)}.com/x`, 0)).toBe(true);
    expect(mayBeLink(`${'a-'.repeat(MAX_HOST_LENGTH)}.com/x`, 0)).toBe(false);
  });
});
