import type { TimerKey } from './keys';

/**
 * The metrics layout of the stack: how often StatsD flushes, how long carbon keeps each resolution
 * and the histogram bins StatsD counts timers into. The one place these facts are written: the
 * stack renders storage-schemas.conf and StatsD's config from it at start (stack/layout/), and
 * the dashboard reads it where Graphite's own answer does not tell (lib/charts/retention.ts).
 */

export interface Archive {
  readonly stepSeconds: number;
  readonly keepSeconds: number;
}

export interface StorageSchema {
  readonly name: string;
  /** carbon matches the regular expression on the metric name; first match wins. */
  readonly pattern: string;
  readonly archives: readonly Archive[];
}

export interface HistogramRule {
  /** StatsD picks the first rule whose `metric` occurs in the timer's key ("" matches all). */
  readonly metric: string;
  /** Exclusive upper bounds in ms, ascending, the last one Infinity (StatsD's "inf"). */
  readonly bins: readonly number[];
}

export interface MetricsLayout {
  readonly flushIntervalSeconds: number;
  readonly storageSchemas: readonly StorageSchema[];
  readonly histograms: readonly HistogramRule[];
}

const DAY = 86_400;

/**
 * 10 s matches StatsD's flush. The 1-minute archive must hold the oldest window of a deployment
 * impact comparison at 1-minute resolution the day it completes: a window of up to 7 days after the
 * deployment, the one before it, and both a week earlier reach back 7 d + 2 x 7 d = 21 days; 22 days
 * leaves a day to look. A year at 10 minutes feeds the 90-day uptime bars and a year of history.
 */
export const STATSD_ARCHIVES: readonly Archive[] = [
  { stepSeconds: 10, keepSeconds: DAY },
  { stepSeconds: 60, keepSeconds: 22 * DAY },
  { stepSeconds: 600, keepSeconds: 365 * DAY },
];

export const METRICS_LAYOUT: MetricsLayout = {
  flushIntervalSeconds: 10,
  storageSchemas: [
    // carbon-cache's own metrics (one a minute).
    { name: 'carbon', pattern: '^carbon\\.', archives: [{ stepSeconds: 60, keepSeconds: 90 * DAY }] },
    { name: 'statsd', pattern: '^stats\\.', archives: STATSD_ARCHIVES },
    { name: 'default', pattern: '.*', archives: STATSD_ARCHIVES },
  ],
  histograms: [
    {
      metric: 'spawns.duration',
      bins: [1000, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000, 120000, 300000, Infinity],
    },
    { metric: '', bins: [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, Infinity] },
  ],
};

/** The archives carbon gives a metric name: those of the first schema whose pattern matches. */
export function archivesFor(metric: string, layout: MetricsLayout = METRICS_LAYOUT): readonly Archive[] {
  const schema = layout.storageSchemas.find((s) => new RegExp(s.pattern).test(metric));
  return schema ? schema.archives : [];
}

/** The bins StatsD counts a timer key into, by StatsD's rule (first rule whose metric occurs in the key). */
export function histogramBins(key: string, layout: MetricsLayout = METRICS_LAYOUT): readonly number[] {
  return layout.histograms.find((rule) => key.includes(rule.metric))?.bins ?? [];
}

/** Configured bins of each timer, so quantile code knows every bin even before one received a value. */
export const HISTOGRAM_BINS: Readonly<Record<TimerKey, readonly number[]>> = {
  'spawns.duration': histogramBins('spawns.duration'),
  'requests.duration': histogramBins('requests.duration'),
};

// carbon's units (whisper.parseRetentionDef); a year is 365 days there too.
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * DAY],
  ['d', DAY],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

function duration(seconds: number): string {
  const unit = UNITS.find(([, size]) => seconds % size === 0) ?? ['s', 1];
  return `${seconds / unit[1]}${unit[0]}`;
}

/** carbon's retention syntax: `10s:1d,1m:22d,10m:1y`. */
export function formatRetentions(archives: readonly Archive[]): string {
  return archives.map((a) => `${duration(a.stepSeconds)}:${duration(a.keepSeconds)}`).join(',');
}

/** Size of one whisper file with these archives: 16 B of metadata, 12 B per archive header and per point. */
export function whisperFileBytes(archives: readonly Archive[]): number {
  return 16 + archives.reduce((sum, a) => sum + 12 + 12 * Math.round(a.keepSeconds / a.stepSeconds), 0);
}
