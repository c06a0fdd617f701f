// Prefix filtering (lib/match/probes.ts) must never lose a wording that can
// pass: whatever a sentence shares outside the probes weighs less than the
// threshold. Checked exhaustively on small random wordings.
import { describe, expect, it } from 'vitest';
import { minProbeWeight, probeTerms } from '../../lib/match/probes';

/** A small deterministic PRNG, so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('probeTerms', () => {
  it('leaves out only terms that together weigh less than the threshold', () => {
    const rnd = random(7);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(rnd() * 9);
      const terms = Array.from({ length: n }, (_, i) => `t${i}`);
      // Mostly IDF-like weights, some zero (a claim's own key entities).
      const weights = terms.map(() => (rnd() < 0.15 ? 0 : 0.3 + rnd() * 10));
      const total = weights.reduce((a, b) => a + b, 0);
      const threshold = [0, 0.3, 0.6, 0.9, 1][trial % 5]!;
      const probes = new Set(probeTerms(terms, weights, total, threshold));
      // Every subset of terms that shares no probe must fall short of the threshold.
      for (let mask = 0; mask < 1 << n; mask++) {
        const chosen = terms.filter((_, i) => mask & (1 << i));
        if (chosen.length === 0 || chosen.some((t) => probes.has(t))) continue;
        const shared = chosen.reduce((sum, t) => sum + weights[terms.indexOf(t)]!, 0);
        expect(total > 0 && shared / total >= threshold).toBe(false);
      }
      // And the walk's bound never drops a wording that could still pass.
      const rest = terms.reduce((sum, t, i) => (probes.has(t) ? sum : sum + weights[i]!), 0);
      const need = minProbeWeight(total, rest, threshold);
      expect(threshold * total - rest).toBeGreaterThanOrEqual(need);
    }
  });

  it('posts every term when the threshold is 0, and the rare terms first otherwise', () => {
    expect(probeTerms(['a', 'b', 'c'], [1, 2, 3], 6, 0).sort()).toEqual(['a', 'b', 'c']);
    expect(probeTerms(['common', 'rare', 'mid'], [0.5, 9, 3], 12.5, 0.6)[0]).toBe('rare');
  });

  it('asks for two probe hits where no single term can reach the threshold', () => {
    // Ten equal terms at 0.6: the minimal prefix is 5 terms, the two-hit prefix 6.
    const terms = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const weights = terms.map(() => 1);
    expect(probeTerms(terms, weights, 10, 0.6)).toHaveLength(6);
  });
});
