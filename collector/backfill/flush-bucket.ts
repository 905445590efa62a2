import { binName, histogramBins } from '../../lib/catalog';

/**
 * What one StatsD flush makes of the values one key received: the one definition of a bucket the
 * backfill writes, checked field by field against StatsD's own `process_metrics` (the live path)
 * in flush-bucket.test.ts. StatsD 0.9 with the stack's settings: `percentThreshold: [90, 99]`,
 * `legacyNamespace: false`, the catalog's histogram bins, a 10 s flush.
 */

export const PERCENT_THRESHOLDS = [90, 99] as const;

/** Graphite leaf -> value, relative to `stats.counters.<key>.` or `stats.timers.<key>.`. */
export type BucketFields = Map<string, number>;

/** A counter's flush: `count` is the sum of increments (sample rate 1), `rate` per second. */
export function counterFields(count: number, flushSeconds: number): BucketFields {
  return new Map([
    ['count', count],
    ['rate', count / flushSeconds],
  ]);
}

/**
 * A timer's flush over the values of one bucket (at least one). `fullKey` is the key as StatsD sees
 * it (`jupyterhub.<hub>.spawns.duration`), which picks the histogram rule.
 */
export function timerFields(fullKey: string, input: readonly number[], flushSeconds: number): BucketFields {
  const values = [...input].sort((a, b) => a - b);
  const count = values.length;
  const out: BucketFields = new Map();
  const first = values[0];
  if (first === undefined) {
    out.set('count', 0);
    out.set('count_ps', 0);
    return out;
  }
  const cumulative: number[] = [first];
  const cumulativeSquares: number[] = [first * first];
  for (let i = 1; i < count; i++) {
    const v = values[i] ?? 0;
    cumulative.push(v + (cumulative[i - 1] ?? 0));
    cumulativeSquares.push(v * v + (cumulativeSquares[i - 1] ?? 0));
  }
  const max = values[count - 1] ?? first;
  for (const pct of PERCENT_THRESHOLDS) {
    // StatsD's own order of operations, so the floating point results are the same bits.
    let inThreshold = count;
    let boundary = max;
    let sum = first;
    let sumSquares = first * first;
    let mean = first;
    if (count > 1) {
      inThreshold = Math.round((Math.abs(pct) / 100) * count);
      if (inThreshold === 0) continue;
      boundary = values[inThreshold - 1] ?? max;
      sum = cumulative[inThreshold - 1] ?? 0;
      sumSquares = cumulativeSquares[inThreshold - 1] ?? 0;
      mean = sum / inThreshold;
    }
    out.set(`count_${pct}`, inThreshold);
    out.set(`mean_${pct}`, mean);
    out.set(`upper_${pct}`, boundary);
    out.set(`sum_${pct}`, sum);
    out.set(`sum_squares_${pct}`, sumSquares);
  }
  const sum = cumulative[count - 1] ?? 0;
  const mean = sum / count;
  let sumOfDiffs = 0;
  for (const v of values) sumOfDiffs += (v - mean) * (v - mean);
  const mid = Math.floor(count / 2);
  const median = count % 2 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
  out.set('std', Math.sqrt(sumOfDiffs / count));
  out.set('upper', max);
  out.set('lower', first);
  out.set('count', count);
  out.set('count_ps', count / flushSeconds);
  out.set('sum', sum);
  out.set('sum_squares', cumulativeSquares[count - 1] ?? 0);
  out.set('mean', mean);
  out.set('median', median);
  // Bins: each counts the values below its bound and at or above the previous one; `inf` the rest.
  let i = 0;
  for (const bound of histogramBins(fullKey)) {
    let freq = 0;
    while (i < count && (bound === Infinity || (values[i] ?? 0) < bound)) {
      freq++;
      i++;
    }
    out.set(`histogram.${binName(bound)}`, freq);
  }
  return out;
}
