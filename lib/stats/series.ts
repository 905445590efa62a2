/** The shape every Graphite render answer has (graphite-web 1.1.8 format=json). */
export type Datapoint = readonly [number | null, number];

export interface SeriesLike {
  target: string;
  tags?: Record<string, string>;
  datapoints: readonly Datapoint[];
}

/**
 * Keep only buckets whose start lies in [from, until). Graphite returns the bucket containing
 * `until` and, when asked with from-1, the bucket at `from`; filtering here makes adjacent ranges
 * (this one and the previous one of the same length) share no bucket.
 */
export function withinRange(points: readonly Datapoint[], from: number, until: number): Datapoint[] {
  return points.filter(([, ts]) => ts >= from && ts < until);
}

/** Exact sum of a per-flush count series; nulls (no flush) count as nothing. */
export function sumPoints(points: readonly Datapoint[]): number {
  let total = 0;
  for (const [value] of points) {
    if (value !== null && Number.isFinite(value)) total += value;
  }
  return total;
}

/** Exact sum over several series (e.g. every `requests.status.5*` member). */
export function sumAll(series: readonly SeriesLike[]): number {
  let total = 0;
  for (const s of series) total += sumPoints(s.datapoints);
  return total;
}

export interface LastValue {
  value: number;
  at: number;
}

/** Last non-null value of a gauge series, with its bucket time. */
export function lastValue(points: readonly Datapoint[]): LastValue | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i];
    if (point && point[0] !== null && Number.isFinite(point[0])) return { value: point[0], at: point[1] };
  }
  return null;
}

/**
 * The last value, if it is no older than `maxAgeSeconds` before `until`. A gauge that stopped
 * reporting (StatsD drops idle gauges) must read as "no data", not as its value from days ago.
 */
export function recentValue(points: readonly Datapoint[], until: number, maxAgeSeconds: number): LastValue | null {
  const last = lastValue(points);
  return last !== null && last.at >= until - maxAgeSeconds ? last : null;
}
