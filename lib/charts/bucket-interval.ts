/** Graphite `summarize` intervals the quantile panels use, finest first. */
const NICE_INTERVALS: ReadonlyArray<{ seconds: number; graphite: string }> = [
  { seconds: 60, graphite: '1min' },
  { seconds: 120, graphite: '2min' },
  { seconds: 300, graphite: '5min' },
  { seconds: 600, graphite: '10min' },
  { seconds: 900, graphite: '15min' },
  { seconds: 1800, graphite: '30min' },
  { seconds: 3600, graphite: '1h' },
  { seconds: 7200, graphite: '2h' },
  { seconds: 10_800, graphite: '3h' },
  { seconds: 21_600, graphite: '6h' },
  { seconds: 43_200, graphite: '12h' },
  { seconds: 86_400, graphite: '1d' },
];

/**
 * A quantile needs enough samples per point, so histogram panels sum bins over buckets of about
 * range/`buckets` (at least a minute) instead of plotting one noisy quantile per 10 s flush.
 */
export function bucketInterval(rangeSeconds: number, buckets = 60): { seconds: number; graphite: string } {
  const wanted = rangeSeconds / buckets;
  const fit = NICE_INTERVALS.find((i) => i.seconds >= wanted);
  return fit ?? { seconds: 86_400, graphite: '1d' };
}
