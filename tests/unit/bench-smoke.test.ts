// `npm run bench` on a tiny subset, so CI keeps the bench code working:
// two small pages and the seed, pools of 50 and 200 claims, ten 2A queries,
// the bundled index only, no browser. Figures are not checked, only that
// every part runs and lands in the report.
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../lib/cli/bench/report';
import { runBench } from '../../lib/cli/bench/run';
import { HAS_SHARED, SHARED_DIR } from '../support/shared';

describe.skipIf(!HAS_SHARED)('npm run bench (tiny subset)', () => {
  it('measures every matcher, the floor, quality and the index, and reports them', async () => {
    const result = await runBench({
      sharedDir: SHARED_DIR,
      pageFilter: (name) => name === '001' || name === '002',
      scales: [50, 200],
      matchingRuns: 1,
      secondsPerMatcher: 1,
      qualityQueries: 10,
      indexLargeSize: 0,
      chromium: false,
      chromiumRuns: 1,
      log: () => undefined,
    });
    expect(result.pages.map((p) => p.name)).toEqual(['seed', '001', '002']);
    expect(result.matching.map((m) => m.size)).toEqual([50, 200]);
    for (const pool of result.matching) {
      expect(pool.matchers.map((m) => m.name)).toEqual(['Claimlens', 'MiniSearch', 'FlexSearch', 'Naive scan']);
      expect(pool.floor.medianPageMs).toBeGreaterThan(0);
    }
    // The pools start with the bundled claims, so the seed page annotates something.
    expect(result.matching[0]!.matchers[0]!.seedAnnotations).toBeGreaterThan(0);
    expect(result.quality).toHaveLength(4);
    expect(result.index[0]!.claims).toBeGreaterThan(0);
    expect(result.index[0]!.heap.indexBytes).not.toBeNaN();

    const report = formatReport(result);
    expect(report).toContain('| budget | measured | verdict |');
    expect(report).toContain('tokenize only (floor)');
    expect(report).toContain('Chromium');
  });
});
