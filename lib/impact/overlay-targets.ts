import { type Datapoint, type Series, seriesNamed } from '@/lib/api/render';
import {
  binName,
  counterPath,
  HISTOGRAM_BINS,
  histogramPattern,
  parseBinBound,
  SPAWN_FAILURE_REASONS,
  spawnFailureKey,
} from '@/lib/catalog';
import { quantileTransform } from '@/lib/system/quantile-transforms';

/** About this many buckets across each side of the overlay chart. */
const BUCKETS_PER_SIDE = 30;

/** Bucket width for an overlay of ±windowSeconds: whole minutes, at least one. */
export function overlayBucketSeconds(windowSeconds: number): number {
  return Math.max(60, Math.round(windowSeconds / BUCKETS_PER_SIDE / 60) * 60);
}

/** The name the failed starts' series carries in the overlay's render (`alias`). */
export const FAILURES_SERIES = 'failures';

// `stats.timers.jupyterhub.<hub>.spawns.duration.histogram.bin_<bound>`: node 7 is the bin's name.
const BIN_NODE = 7;

/**
 * What the impact page overlays, both in one render: the spawn-wait histogram bins summed per
 * bucket (each series named `bin_<bound>`, the page draws their median: the same bins, and the
 * same quantile function, as the measures table's wait quantiles, so the picture and the verdict
 * cannot disagree), and the failed starts per bucket (named `failures`). Graphite leaves out a
 * target without data, so the page finds each series by its name.
 */
export function overlayTargets(hub: string, windowSeconds: number): { wait: string; failures: string } {
  const bucket = `${overlayBucketSeconds(windowSeconds)}s`;
  const failures = SPAWN_FAILURE_REASONS.map((reason) => counterPath(hub, spawnFailureKey(reason))).join(',');
  return {
    wait: `aliasByNode(summarize(${histogramPattern(hub, 'spawns.duration')},"${bucket}","sum",false),${BIN_NODE})`,
    failures: `alias(summarize(sumSeries(${failures}),"${bucket}","sum",false),"${FAILURES_SERIES}")`,
  };
}

/** How the wait line is computed from the bins: by name, so "Open in explore" draws it by the same code. */
export const WAIT_TRANSFORM = 'statsd-p50' as const;

/** The two lines of one overlay render; null where Graphite answered without that series (no data). */
export interface OverlayLines {
  /** Median wait to start per bucket, ms (null points: no starts in the bucket). */
  wait: Datapoint[] | null;
  failures: Datapoint[] | null;
}

/** Reads an answer to overlayTargets by series name, whatever order Graphite answered in. */
export function overlayLines(series: readonly Series[]): OverlayLines {
  const bins = series.filter((s) => parseBinBound(s.target) !== null);
  if (bins.length === 0) return { wait: null, failures: seriesNamed(series, FAILURES_SERIES)?.datapoints ?? null };
  // A bin Graphite does not hold is an empty bin, as the measures table counts it: without it a
  // quantile would be interpolated from the wrong lower bound.
  const present = new Set(bins.map((s) => parseBinBound(s.target)));
  const missing = HISTOGRAM_BINS['spawns.duration'].filter((bound) => !present.has(bound));
  const all = [...bins, ...missing.map((bound): Series => ({ target: binName(bound), tags: {}, datapoints: [] }))];
  const median = quantileTransform(WAIT_TRANSFORM).transform(all).series[0];
  return { wait: median?.datapoints ?? null, failures: seriesNamed(series, FAILURES_SERIES)?.datapoints ?? null };
}
