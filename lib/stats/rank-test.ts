import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

export interface RankTestResult {
  /** Mann-Whitney U of the second sample (R's W for `wilcox.test(second, first)`). */
  u: number;
  /** +1 when the second sample tends to be larger, -1 smaller, 0 no tendency. */
  direction: -1 | 0 | 1;
  /** Two-sided p-value; 1 when every value is tied (nothing to rank). */
  pValue: number;
}

/**
 * Mann-Whitney (Wilcoxon rank-sum) test on two binned samples: `first[i]` and `second[i]` count
 * the values in bin i, bins in increasing order, so each bin is one group of tied values.
 * As R's `wilcox.test(second, first, exact = FALSE, correct = TRUE)`: normal approximation with
 * the tie correction of the variance and a continuity correction of 0.5 towards the mean.
 * Histogram data are mostly ties, so the exact (tie-free) distribution does not apply.
 */
export function rankTestBinned(first: readonly number[], second: readonly number[]): RankTestResult {
  if (first.length !== second.length) throw new RangeError('rankTestBinned: both samples need the same bins');
  let n1 = 0;
  let n2 = 0;
  for (let i = 0; i < first.length; i++) {
    const a = first[i] ?? 0;
    const b = second[i] ?? 0;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0) {
      throw new RangeError('rankTestBinned: bin counts must be whole numbers >= 0');
    }
    n1 += a;
    n2 += b;
  }
  if (n1 === 0 || n2 === 0) throw new RangeError('rankTestBinned: both samples need at least one value');
  const n = n1 + n2;
  let below = 0;
  let rankSum2 = 0;
  let ties = 0;
  for (let i = 0; i < first.length; i++) {
    const t = (first[i] ?? 0) + (second[i] ?? 0);
    if (t === 0) continue;
    const midrank = below + (t + 1) / 2;
    rankSum2 += (second[i] ?? 0) * midrank;
    ties += t ** 3 - t;
    below += t;
  }
  const u = rankSum2 - (n2 * (n2 + 1)) / 2;
  const centred = u - (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1))));
  const direction = centred > 0 ? 1 : centred < 0 ? -1 : 0;
  if (!(sigma > 0)) return { u, direction: 0, pValue: 1 };
  const z = (centred - direction * 0.5) / sigma;
  // 2 * min(lower, upper tail) as R, from the lower tail only: 1 - cdf would round small p to 0.
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  return { u, direction, pValue };
}
