import { parseBinBound } from '@/lib/catalog';
import { type SeriesLike, sumPoints, withinRange } from '@/lib/stats/series';

/** One StatsD histogram bin: values in [previous bound, upperBound), counted over a window. */
export interface HistogramBin {
  upperBound: number;
  count: number;
}

/**
 * The bounds of a histogram, preferring what Graphite answered: StatsD writes every bin of a timer
 * at each flush that had values, so the answered `bin_*` names are the bins really counted. The
 * configured bins complete them (a bin that never received a value has no series yet) only when
 * they agree, i.e. every answered bound is a configured one; an answered bound the configuration
 * does not know means this StatsD counts into other bins, and a configured bound would then split a
 * real bin in two. With nothing answered, the configured bins stand.
 */
export function histogramBounds(answered: readonly number[], configured: readonly number[]): number[] {
  const known = new Set(configured);
  const agrees = answered.every((bound) => known.has(bound));
  const bounds = new Set(agrees ? [...configured, ...answered] : answered);
  return [...bounds].sort((a, b) => a - b);
}

/**
 * Sum each `bin_<bound>` series over the window. StatsD bins are per-flush frequencies (not
 * cumulative), so the window's histogram is the bin-wise sum. Bounds as histogramBounds decides:
 * configured bins that Graphite did not return are kept with count 0 so the bounds stay complete.
 */
export function sumHistogram(
  series: readonly SeriesLike[],
  configuredBounds: readonly number[],
  from: number,
  until: number,
): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const s of series) {
    const bound = parseBinBound(s.tags?.name ?? s.target) ?? parseBinBound(s.target);
    if (bound === null) continue;
    counts.set(bound, (counts.get(bound) ?? 0) + sumPoints(withinRange(s.datapoints, from, until)));
  }
  return histogramBounds([...counts.keys()], configuredBounds).map((upperBound) => ({
    upperBound,
    count: counts.get(upperBound) ?? 0,
  }));
}

export function histogramTotal(bins: readonly HistogramBin[]): number {
  return bins.reduce((sum, bin) => sum + bin.count, 0);
}

/**
 * The q-quantile (0..1) of a histogram, interpolated linearly inside the bin that holds it, as
 * Prometheus' histogram_quantile does. The first bin starts at 0 (durations are not negative).
 * A quantile falling in the open-ended `inf` bin cannot be interpolated; it is reported as that
 * bin's lower bound, i.e. "at least this long". Null when the histogram is empty.
 */
export function histogramQuantile(bins: readonly HistogramBin[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: ${q} is not between 0 and 1`);
  const sorted = [...bins].sort((a, b) => a.upperBound - b.upperBound);
  const total = histogramTotal(sorted);
  if (total <= 0) return null;
  const rank = q * total;
  let below = 0;
  let lower = 0;
  for (const bin of sorted) {
    if (bin.count > 0 && below + bin.count >= rank) {
      if (bin.upperBound === Infinity) return lower;
      const within = (rank - below) / bin.count;
      return lower + (bin.upperBound - lower) * within;
    }
    below += bin.count;
    if (bin.upperBound !== Infinity) lower = bin.upperBound;
  }
  return lower;
}
