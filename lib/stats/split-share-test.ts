import { fisherExactTest } from '@/lib/stats/fisher-exact';
import type { HistogramBin } from '@/lib/stats/histogram-quantile';

export interface SplitShareResult {
  /** Bin bound the samples are split at: values >= it (the bins above it) are "above". */
  split: number;
  /** Share of each sample above the split. */
  firstShare: number;
  secondShare: number;
  /** +1 when the second sample has more of its values above the split, -1 fewer, 0 the same. */
  direction: -1 | 0 | 1;
  /** Fisher's exact test (two-sided, R's convention) on [above, not above] × [first, second]. */
  pValue: number;
}

/** Counts per bin bound, so that two samples binned with different bounds still line up. */
function byBound(bins: readonly HistogramBin[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const bin of bins) counts.set(bin.upperBound, (counts.get(bin.upperBound) ?? 0) + bin.count);
  return counts;
}

const above = (bins: readonly HistogramBin[], split: number) =>
  bins.reduce((sum, bin) => (bin.upperBound > split ? sum + bin.count : sum), 0);
const totalOf = (bins: readonly HistogramBin[]) => bins.reduce((sum, bin) => sum + bin.count, 0);

/**
 * The two-sample quantile test at one split (Mood's median test, generalised to any quantile:
 * Conover, Practical Nonparametric Statistics, 3rd ed., §4.3): how many values of each sample
 * lie above the split, compared with Fisher's exact test. It is exact whenever the split is
 * chosen from the pooled sample alone (quantileSplits), because under "no change" every way of
 * dealing the pooled values into the two windows is equally likely.
 */
export function splitShareTest(first: readonly HistogramBin[], second: readonly HistogramBin[], split: number): SplitShareResult {
  const n1 = totalOf(first);
  const n2 = totalOf(second);
  if (n1 === 0 || n2 === 0) throw new RangeError('splitShareTest: both samples need at least one value');
  const t1 = above(first, split);
  const t2 = above(second, split);
  const firstShare = t1 / n1;
  const secondShare = t2 / n2;
  const direction = secondShare > firstShare ? 1 : secondShare < firstShare ? -1 : 0;
  const pValue = fisherExactTest([
    [t1, n1 - t1],
    [t2, n2 - t2],
  ]);
  return { split, firstShare, secondShare, direction, pValue };
}

/**
 * The splits for a test of the q-quantile: the two bin bounds around the pooled sample's
 * q-quantile (the lower and upper bound of the bin that holds it). Histogram bins are coarse, so
 * the quantile itself is rarely a bound, and which of the two bounds sees the change depends on
 * where in the bin it lies: a whole distribution shifted puts the pooled p95 among the after
 * window's values, with few of them above the upper bound and many above the lower one. A bound
 * with every pooled value on one side tests nothing and is left out. Both depend on the pooled
 * sample only, never on which window a value came from.
 */
export function quantileSplits(first: readonly HistogramBin[], second: readonly HistogramBin[], q: number): number[] {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantileSplits: ${q} is not between 0 and 1`);
  const a = byBound(first);
  const b = byBound(second);
  const pooled = [...new Set([...a.keys(), ...b.keys()])]
    .sort((x, y) => x - y)
    .map((upperBound) => ({ upperBound, count: (a.get(upperBound) ?? 0) + (b.get(upperBound) ?? 0) }));
  const n = totalOf(pooled);
  if (n === 0) return [];
  const rank = q * n;
  let below = 0;
  let lower = 0;
  for (const bin of pooled) {
    if (bin.count > 0 && below + bin.count >= rank) {
      const splits: number[] = [];
      // A bound is a valid split when some pooled values lie on each side of it.
      if (below > 0) splits.push(lower);
      if (Number.isFinite(bin.upperBound) && below + bin.count < n) splits.push(bin.upperBound);
      return splits;
    }
    below += bin.count;
    lower = bin.upperBound;
  }
  return [];
}
