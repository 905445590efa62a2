import type { HistogramBin } from '@/lib/stats/histogram-quantile';
import { type RankTestResult, rankTestBinned } from '@/lib/stats/rank-test';
import { quantileSplits, type SplitShareResult, splitShareTest } from '@/lib/stats/split-share-test';

export interface QuantileTestResult {
  /** Bonferroni-combined two-sided p-value: the smallest part's p times the number of parts, at most 1. */
  pValue: number;
  /** The direction of the part with the smallest p: +1 when the second sample is slower. */
  direction: -1 | 0 | 1;
  /** Which part gave the smallest p. */
  decidedBy: 'shift' | 'split';
  /** The rank test of the whole distribution. */
  shift: RankTestResult;
  /** The quantile test at each split around the pooled q-quantile (quantileSplits). */
  splits: SplitShareResult[];
}

/** Counts of both samples on the union of their bounds, in increasing order (the rank test's input). */
function aligned(first: readonly HistogramBin[], second: readonly HistogramBin[]): [number[], number[]] {
  const bounds = [...new Set([...first, ...second].map((bin) => bin.upperBound))].sort((a, b) => a - b);
  const count = (bins: readonly HistogramBin[], bound: number) =>
    bins.reduce((sum, bin) => (bin.upperBound === bound ? sum + bin.count : sum), 0);
  return [bounds.map((bound) => count(first, bound)), bounds.map((bound) => count(second, bound))];
}

/**
 * Did the q-quantile of a binned duration change between two windows? One test made of two kinds
 * of evidence, each with power where the other has little:
 * - a shift of the whole distribution: the Mann-Whitney rank test (rankTestBinned), which uses
 *   every value, not only the few in the tail (a whole distribution 4.5 times slower can leave
 *   only a handful of values above the top bound around the pooled p95);
 * - a longer (or shorter) tail with an unchanged middle: the share of each window above the bin
 *   bounds around the pooled q-quantile, with Fisher's exact test (splitShareTest), which a rank
 *   test barely sees (Kayenta's judge, kayenta#780).
 * The parts are combined with Bonferroni's correction (the smallest p times the number of parts),
 * which keeps the test's level whatever their dependence; the measure's verdict then still needs
 * the quantile itself to have moved by the minimum effect, in the direction the test found.
 * Null when either sample is empty.
 */
export function quantileTest(first: readonly HistogramBin[], second: readonly HistogramBin[], q: number): QuantileTestResult | null {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantileTest: ${q} is not between 0 and 1`);
  const [a, b] = aligned(first, second);
  if (a.every((n) => n === 0) || b.every((n) => n === 0)) return null;
  const shift = rankTestBinned(a, b);
  const splits = quantileSplits(first, second, q).map((split) => splitShareTest(first, second, split));
  const parts = [shift, ...splits];
  const smallest = parts.reduce((best, part) => (part.pValue < best.pValue ? part : best));
  return {
    pValue: Math.min(1, parts.length * smallest.pValue),
    direction: smallest.pValue < 1 ? smallest.direction : 0,
    decidedBy: smallest === shift ? 'shift' : 'split',
    shift,
    splits,
  };
}
