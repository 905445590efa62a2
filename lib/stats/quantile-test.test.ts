import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HISTOGRAM_BINS } from '@/lib/catalog';
import { histogramQuantile } from '@/lib/stats/histogram-quantile';
import { quantileTest } from '@/lib/stats/quantile-test';
import { rankTestBinned } from '@/lib/stats/rank-test';
import { quantileSplits, splitShareTest } from '@/lib/stats/split-share-test';

const bin = (upperBound: number, count: number) => ({ upperBound, count });
/** Counts on the spawn-wait bins, by bound (ms); unnamed bins are empty. */
const spawnBins = (counts: Record<number, number>) => HISTOGRAM_BINS['spawns.duration'].map((b) => bin(b, counts[b] ?? 0));

test("split test is R's fisher.test on the split's table: ?fisher.test's Convictions, fisher.test(Convictions): p-value = 0.0005367", () => {
  // Convictions <- matrix(c(2, 10, 15, 3), nrow = 2): dizygotic twins 2 convicted of 17,
  // monozygotic 10 of 13. As two binned samples split at the pooled median: "convicted" above 1000.
  const dizygotic = [bin(1000, 15), bin(2000, 2)];
  const monozygotic = [bin(1000, 3), bin(2000, 10)];
  assert.deepEqual(quantileSplits(dizygotic, monozygotic, 0.5), [1000]);
  const result = splitShareTest(dizygotic, monozygotic, 1000);
  assert.ok(Math.abs(result.pValue - 0.0005367) < 5e-8, `p = ${result.pValue}`);
  assert.equal(result.direction, 1);
  assert.equal(result.firstShare, 2 / 17);
  assert.equal(result.secondShare, 10 / 13);
});

test('splits are the bounds around the pooled quantile, from the pooled sample only', () => {
  const before = [bin(1000, 95), bin(2000, 5), bin(10000, 0), bin(Infinity, 0)];
  const after = [bin(1000, 80), bin(2000, 5), bin(10000, 15), bin(Infinity, 0)];
  // Pooled 200: 175 below 1000, 10 in [1000, 2000), 15 in [2000, 10000): the p95 (rank 190) is in the third bin.
  assert.deepEqual(quantileSplits(before, after, 0.95), [2000]);
  // Swapping the windows does not move the splits.
  assert.deepEqual(quantileSplits(after, before, 0.95), quantileSplits(before, after, 0.95));
  // Everything in one bin: no bound has values on both sides.
  assert.deepEqual(quantileSplits([bin(1000, 4)], [bin(1000, 9)], 0.95), []);
  // The median in the first bin: only its upper bound splits.
  assert.deepEqual(quantileSplits([bin(1000, 8), bin(2000, 1)], [bin(1000, 7), bin(2000, 2)], 0.5), [1000]);
  assert.throws(() => quantileSplits(before, after, 1), /between 0 and 1/);
});

test('the combined p is the smallest part times the number of parts (Bonferroni), direction from that part', () => {
  const before = [bin(1000, 95), bin(2000, 5), bin(10000, 0), bin(Infinity, 0)];
  const after = [bin(1000, 80), bin(2000, 5), bin(10000, 15), bin(Infinity, 0)];
  const result = quantileTest(before, after, 0.95);
  assert.ok(result !== null);
  const shift = rankTestBinned([95, 5, 0, 0], [80, 5, 15, 0]);
  const split = splitShareTest(before, after, 2000);
  assert.deepEqual(result.shift, shift);
  assert.deepEqual(result.splits, [split]);
  assert.equal(result.pValue, Math.min(1, 2 * Math.min(shift.pValue, split.pValue)));
  assert.equal(result.decidedBy, split.pValue < shift.pValue ? 'split' : 'shift');
  assert.equal(result.direction, 1);
  // 0 of 100 vs 15 of 100 above 2000 ms: Fisher alone would say p < 1e-4; the combination keeps that order.
  assert.ok(result.pValue < 1e-3, `p = ${result.pValue}`);
  // Empty windows are not tested; one bin for everything is no evidence.
  assert.equal(quantileTest(before, [bin(1000, 0)], 0.95), null);
  assert.deepEqual(
    (({ pValue, direction }) => ({ pValue, direction }))(
      quantileTest([bin(1000, 4)], [bin(1000, 9)], 0.95) ?? { pValue: -1, direction: 9 },
    ),
    { pValue: 1, direction: 0 },
  );
});

// Issue case: 294 server starts a side; p95 6.6 s before, 29.7 s after; the whole distribution
// moved and every start after is slower than 95 % of those before.
const SLOW_BEFORE = spawnBins({ 3000: 90, 5000: 163, 7500: 41 });
const SLOW_AFTER = spawnBins({ 10000: 13, 15000: 25, 20000: 25, 30000: 223, 60000: 8 });

test('a p95 from 6.6 s to 29.7 s on 294 starts a side, the whole distribution moved: p far below any Holm bar', () => {
  assert.equal(Math.round((histogramQuantile(SLOW_BEFORE, 0.95) ?? 0) / 100) / 10, 6.6);
  assert.equal(Math.round((histogramQuantile(SLOW_AFTER, 0.95) ?? 0) / 100) / 10, 29.7);
  // The old tail test split only at the bound whose pooled share above was nearest 5 % (30 s:
  // 8 of 588), and saw 0 of 294 against 8 of 294: p = 0.0074, 0.052 after Holm over seven measures.
  const old = splitShareTest(SLOW_BEFORE, SLOW_AFTER, 30000);
  assert.ok(Math.abs(old.pValue - 0.0074) < 5e-4, `p = ${old.pValue}`);
  const result = quantileTest(SLOW_BEFORE, SLOW_AFTER, 0.95);
  assert.ok(result !== null);
  assert.equal(result.direction, 1);
  // Both kinds of evidence see it now: the split at 20 s (0 of 294 vs 231 of 294) and the rank test.
  assert.deepEqual(
    result.splits.map((s) => s.split),
    [20000, 30000],
  );
  assert.ok(result.pValue < 1e-20, `p = ${result.pValue}`);
  assert.ok(result.shift.pValue < 1e-20, `rank p = ${result.shift.pValue}`);
});

test('a longer tail with an unchanged middle is seen by the split, not the rank test', () => {
  // 300 starts a side; the same 85 % up to 5 s; after, the slowest 15 % take 20-30 s instead of 5-7.5 s.
  const before = spawnBins({ 3000: 150, 5000: 105, 7500: 45 });
  const after = spawnBins({ 3000: 150, 5000: 105, 30000: 45 });
  const result = quantileTest(before, after, 0.95);
  assert.ok(result !== null);
  assert.equal(result.decidedBy, 'split');
  assert.equal(result.direction, 1);
  assert.ok(result.pValue < 1e-6, `p = ${result.pValue}`);
  assert.ok(result.shift.pValue > result.pValue, 'the rank test has less to go on');
  // The same the other way: the tail shortened back is better.
  const back = quantileTest(after, before, 0.95);
  assert.equal(back?.direction, -1);
  assert.equal(back?.pValue, result.pValue);
});
