import { fisherExactTest } from '@/lib/stats/fisher-exact';
import { type HistogramBin, histogramTotal } from '@/lib/stats/histogram-quantile';

export interface TailTestResult {
  /** Bin bound the samples are split at (values >= it are the tail); null when every value is in one bin. */
  split: number | null;
  /** Share of each sample in the tail. */
  firstShare: number;
  secondShare: number;
  /** +1 when the second sample has more of its values in the tail, -1 fewer, 0 the same. */
  direction: -1 | 0 | 1;
  /** Fisher's exact test (two-sided) on [tail, rest] × [first, second]. */
  pValue: number;
}

/**
 * A test of a high quantile (p95) of two binned samples: split both at the bin bound nearest the
 * pooled sample's q-quantile and compare the shares above it with Fisher's exact test, as
 * Mood's median test does for q = 0.5. A rank test only sees a shift of the whole distribution;
 * this sees a longer tail with an unchanged middle (the failure of Kayenta's judge, kayenta#780).
 * Null when either sample is empty. Bins of both samples must have the same bounds.
 */
export function tailShareTest(first: readonly HistogramBin[], second: readonly HistogramBin[], q: number): TailTestResult | null {
  if (!(q > 0 && q < 1)) throw new RangeError(`tailShareTest: ${q} is not between 0 and 1`);
  const n1 = histogramTotal(first);
  const n2 = histogramTotal(second);
  if (n1 === 0 || n2 === 0) return null;
  const tail = (bins: readonly HistogramBin[], split: number) =>
    bins.filter((bin) => bin.upperBound > split).reduce((sum, bin) => sum + bin.count, 0);
  // The split is the bin bound whose pooled tail share is nearest 1 - q (bins are coarse, so the
  // quantile itself is rarely a bound); a split with everything or nothing above it tests nothing.
  const bounds = [...new Set([...first, ...second].map((bin) => bin.upperBound))].filter(Number.isFinite);
  let split: number | null = null;
  let distance = Infinity;
  for (const bound of bounds.sort((a, b) => a - b)) {
    const share = (tail(first, bound) + tail(second, bound)) / (n1 + n2);
    if (share <= 0 || share >= 1) continue;
    if (Math.abs(share - (1 - q)) < distance) {
      distance = Math.abs(share - (1 - q));
      split = bound;
    }
  }
  if (split === null) return { split: null, firstShare: 0, secondShare: 0, direction: 0, pValue: 1 };
  const t1 = tail(first, split);
  const t2 = tail(second, split);
  const firstShare = t1 / n1;
  const secondShare = t2 / n2;
  const direction = secondShare > firstShare ? 1 : secondShare < firstShare ? -1 : 0;
  const pValue = fisherExactTest([
    [t1, n1 - t1],
    [t2, n2 - t2],
  ]);
  return { split, firstShare, secondShare, direction, pValue };
}
