import {
  counterFamilyPattern,
  counterPath,
  gaugePath,
  HISTOGRAM_BINS,
  histogramPattern,
  parseBinBound,
  SPAWN_FAILURE_REASONS,
  spawnFailureKey,
  type TimerKey,
} from '@/lib/catalog';
import { ERRORS_EXPLAINED } from '@/lib/errors-explained';
import type { TimeWindow } from '@/lib/impact/windows';
import type { HistogramBin } from '@/lib/stats/histogram-quantile';
import { type SeriesLike, sumPoints, withinRange } from '@/lib/stats/series';

/** What the eight measures are computed from, over one window. */
export interface WindowCounts {
  spawnSuccess: number;
  spawnFailed: number;
  /** Throttled (429) and active-user-limit refusals. */
  turnedAway: number;
  requests: number;
  /** The "Hub 5xx" category of /errors: 5xx answers less those that answered a counted failed start. */
  hub5xx: number;
  crashes: number;
  /** Running servers integrated over the window. */
  serverHours: number;
  loginSuccess: number;
  loginFailure: number;
  spawnWait: HistogramBin[];
  requestLatency: HistogramBin[];
}

const COUNTS = [
  'spawnSuccess',
  'spawnFailed',
  'turnedAway',
  'requests',
  'status5xx',
  'spawn5xx',
  'crashes',
  'running',
  'loginSuccess',
  'loginFailure',
] as const;
type CountName = (typeof COUNTS)[number];

function hub5xxPaths(hub: string): { all: string; minus: string } {
  const source = ERRORS_EXPLAINED.hub_5xx.source;
  if (source.kind !== 'family' || source.minus === undefined) throw new Error('hub_5xx: expected a family less a counter');
  return { all: counterFamilyPattern(hub, source.family, source.glob), minus: counterPath(hub, source.minus) };
}

function countExpressions(hub: string): Record<CountName, { path: string; how: 'sum' | 'avg' }> {
  const sum = (path: string) => ({ path, how: 'sum' as const });
  const failures = SPAWN_FAILURE_REASONS.map((reason) => counterPath(hub, spawnFailureKey(reason)));
  const status5xx = hub5xxPaths(hub);
  return {
    spawnSuccess: sum(counterPath(hub, 'spawns.success')),
    spawnFailed: sum(`sumSeries(${failures.join(',')})`),
    turnedAway: sum(`sumSeries(${counterPath(hub, 'spawns.throttled')},${counterPath(hub, 'spawns.limited')})`),
    requests: sum(`sumSeries(${counterFamilyPattern(hub, 'requests.status')})`),
    status5xx: sum(`sumSeries(${status5xx.all})`),
    spawn5xx: sum(status5xx.minus),
    crashes: sum(counterPath(hub, 'servers.crashed')),
    // The mean of the gauge times the window's length: gaps (a missed scrape) take the mean.
    running: { path: gaugePath(hub, 'servers.running'), how: 'avg' },
    loginSuccess: sum(counterPath(hub, 'logins.success')),
    loginFailure: sum(counterPath(hub, 'logins.failure')),
  };
}

/**
 * The targets of one render that covers two adjacent windows of `windowSeconds` (before and
 * after a deployment, or the same pair a week earlier). Graphite's `summarize(..., alignToFrom)`
 * sums each series into buckets of the window's length starting at the render's `from`, so the
 * answer is two points per series, whatever the resolution of the archive it came from.
 * Histogram bins keep their names through `aliasByNode` (`spawns.duration.bin_1000`).
 */
export function impactTargets(hub: string, windowSeconds: number): string[] {
  const interval = `'${Math.round(windowSeconds)}s'`;
  const summarize = (path: string, how: string) => `summarize(${path},${interval},'${how}',true)`;
  const counts = Object.entries(countExpressions(hub)).map(
    ([name, { path, how }]) => `alias(${summarize(path, how)},'${name}')`,
  );
  const bins = (['spawns.duration', 'requests.duration'] as const).map(
    (timer) => `aliasByNode(${summarize(histogramPattern(hub, timer), 'sum')},4,5,7)`,
  );
  return [...counts, ...bins];
}

function binsOf(series: readonly SeriesLike[], timer: TimerKey, window: TimeWindow): HistogramBin[] {
  const counts = new Map<number, number>(HISTOGRAM_BINS[timer].map((bound) => [bound, 0]));
  for (const s of series) {
    if (!s.target.startsWith(`${timer}.`)) continue;
    const bound = parseBinBound(s.target);
    if (bound === null) continue;
    counts.set(bound, (counts.get(bound) ?? 0) + Math.round(sumPoints(withinRange(s.datapoints, window.from, window.until))));
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([upperBound, count]) => ({ upperBound, count }));
}

/**
 * One window's counts from the answer to impactTargets. A series Graphite did not return (a key
 * never sent) counts 0: it is the denominators, checked against minimum samples, that tell "no
 * traffic" from "no errors".
 */
export function windowCounts(series: readonly SeriesLike[], window: TimeWindow): WindowCounts {
  const total = (name: CountName): number => {
    const found = series.find((s) => s.target === name);
    return found === undefined ? 0 : sumPoints(withinRange(found.datapoints, window.from, window.until));
  };
  const count = (name: CountName) => Math.max(0, Math.round(total(name)));
  return {
    spawnSuccess: count('spawnSuccess'),
    spawnFailed: count('spawnFailed'),
    turnedAway: count('turnedAway'),
    requests: count('requests'),
    // As /errors: never below 0 when an answer landed a flush before its failure was counted.
    hub5xx: Math.max(0, count('status5xx') - count('spawn5xx')),
    crashes: count('crashes'),
    serverHours: (Math.max(0, total('running')) * (window.until - window.from)) / 3600,
    loginSuccess: count('loginSuccess'),
    loginFailure: count('loginFailure'),
    spawnWait: binsOf(series, 'spawns.duration', window),
    requestLatency: binsOf(series, 'requests.duration', window),
  };
}
