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
  /** Running servers integrated over the points of the window that reported (value × step). */
  serverHours: number;
  /**
   * Share of the window's points at which `servers.running` reported, 0..1; null when Graphite
   * has no such series at all (a hub that never reported it).
   */
  runningCoverage: number | null;
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
  'runningSum',
  'runningPoints',
  'runningSlots',
  'loginSuccess',
  'loginFailure',
] as const;
type CountName = (typeof COUNTS)[number];

function hub5xxPaths(hub: string): { all: string; minus: string } {
  const source = ERRORS_EXPLAINED.hub_5xx.source;
  if (source.kind !== 'family' || source.minus === undefined) throw new Error('hub_5xx: expected a family less a counter');
  return { all: counterFamilyPattern(hub, source.family, source.glob), minus: counterPath(hub, source.minus) };
}

/** Each count's path; every one is summed over the window. */
function countExpressions(hub: string): Record<CountName, string> {
  const running = gaugePath(hub, 'servers.running');
  const failures = SPAWN_FAILURE_REASONS.map((reason) => counterPath(hub, spawnFailureKey(reason)));
  const status5xx = hub5xxPaths(hub);
  return {
    spawnSuccess: counterPath(hub, 'spawns.success'),
    spawnFailed: `sumSeries(${failures.join(',')})`,
    turnedAway: `sumSeries(${counterPath(hub, 'spawns.throttled')},${counterPath(hub, 'spawns.limited')})`,
    requests: `sumSeries(${counterFamilyPattern(hub, 'requests.status')})`,
    status5xx: `sumSeries(${status5xx.all})`,
    spawn5xx: status5xx.minus,
    crashes: counterPath(hub, 'servers.crashed'),
    // Server-hours are the gauge integrated over the points that exist: the sum of its values,
    // the number of points that reported, and the number of points the window has (nulls made 0
    // first, so every point counts), which gives the step whatever archive Graphite answered from.
    // A mean times the window's length would fill a gap (a new hub, a collector started late)
    // with the mean and inflate the exposure.
    runningSum: running,
    runningPoints: `isNonNull(${running})`,
    runningSlots: `isNonNull(transformNull(${running},0))`,
    loginSuccess: counterPath(hub, 'logins.success'),
    loginFailure: counterPath(hub, 'logins.failure'),
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
  const summarize = (path: string) => `summarize(${path},${interval},'sum',true)`;
  const counts = Object.entries(countExpressions(hub)).map(([name, path]) => `alias(${summarize(path)},'${name}')`);
  const bins = (['spawns.duration', 'requests.duration'] as const).map(
    (timer) => `aliasByNode(${summarize(histogramPattern(hub, timer))},4,5,7)`,
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
  const slots = count('runningSlots');
  const present = Math.min(slots, count('runningPoints'));
  const stepSeconds = slots > 0 ? (window.until - window.from) / slots : 0;
  return {
    spawnSuccess: count('spawnSuccess'),
    spawnFailed: count('spawnFailed'),
    turnedAway: count('turnedAway'),
    requests: count('requests'),
    // As /errors: never below 0 when an answer landed a flush before its failure was counted.
    hub5xx: Math.max(0, count('status5xx') - count('spawn5xx')),
    crashes: count('crashes'),
    serverHours: (Math.max(0, total('runningSum')) * stepSeconds) / 3600,
    runningCoverage: slots > 0 ? present / slots : null,
    loginSuccess: count('loginSuccess'),
    loginFailure: count('loginFailure'),
    spawnWait: binsOf(series, 'spawns.duration', window),
    requestLatency: binsOf(series, 'requests.duration', window),
  };
}
