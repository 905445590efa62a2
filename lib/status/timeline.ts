import type { Thresholds } from '@/lib/config/status';
import type { Datapoint } from '@/lib/stats/series';
import { decideVerdict, VERDICT_RANK, type Verdict, type VerdictName, type VerdictSnapshot } from '@/lib/status/verdict';

/** The series the verdict rules read, as returned by one Graphite render (same step). */
export interface StateSeries {
  up: readonly Datapoint[];
  healthMs: readonly Datapoint[];
  spawnsSucceeded: readonly Datapoint[];
  /** One series per failure reason; they are added up. */
  spawnsFailed: readonly (readonly Datapoint[])[];
}

export interface TimelinePoint {
  at: number;
  snapshot: VerdictSnapshot;
  /** Null before the hub's first health result: not known, and not an incident. */
  verdict: Verdict | null;
}

export interface Incident {
  start: number;
  /** Null while the incident is still going on at the end of the data. */
  end: number | null;
  verdict: Exclude<VerdictName, 'Operational'>;
  cause: Verdict['cause'];
  reason: string;
}

function toMap(points: readonly Datapoint[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const [value, ts] of points) {
    if (value !== null && Number.isFinite(value)) map.set(ts, (map.get(ts) ?? 0) + value);
  }
  return map;
}

function grid(series: StateSeries): number[] {
  const all = new Set<number>();
  for (const points of [series.up, series.healthMs, series.spawnsSucceeded, ...series.spawnsFailed]) {
    for (const [, ts] of points) all.add(ts);
  }
  return [...all].sort((a, b) => a - b);
}

/** Evaluates the verdict rules at every step of the data, with a rolling spawn window. */
export function evaluateTimeline(series: StateSeries, thresholds: Thresholds, windowText?: string): TimelinePoint[] {
  const times = grid(series);
  const up = toMap(series.up);
  const health = toMap(series.healthMs);
  const ok = toMap(series.spawnsSucceeded);
  const failed = new Map<number, number>();
  for (const points of series.spawnsFailed) {
    for (const [ts, value] of toMap(points)) failed.set(ts, (failed.get(ts) ?? 0) + value);
  }
  const windowSeconds = thresholds.windowMinutes * 60;
  const out: TimelinePoint[] = [];
  let lastUp: { value: number; at: number } | null = null;
  let downSince: number | null = null;
  let healthMs: number | null = null;
  let okSum = 0;
  let failedSum = 0;
  let tail = 0;
  for (const at of times) {
    const upValue = up.get(at);
    if (upValue !== undefined) {
      if (upValue < 1) downSince ??= at;
      else downSince = null;
      lastUp = { value: upValue, at };
    }
    healthMs = health.get(at) ?? healthMs;
    okSum += ok.get(at) ?? 0;
    failedSum += failed.get(at) ?? 0;
    // The window is (at - windowSeconds, at]: drop buckets that fell out of it.
    while (tail < times.length) {
      const old = times[tail];
      if (old === undefined || old > at - windowSeconds) break;
      okSum -= ok.get(old) ?? 0;
      failedSum -= failed.get(old) ?? 0;
      tail++;
    }
    const snapshot: VerdictSnapshot = {
      at,
      lastUp,
      downSince,
      healthMs,
      spawnsSucceeded: okSum,
      spawnsFailed: failedSum,
    };
    out.push({ at, snapshot, verdict: lastUp === null ? null : decideVerdict(snapshot, thresholds, windowText) });
  }
  return out;
}

function worse(a: TimelinePoint, b: TimelinePoint): boolean {
  const ra = a.verdict ? VERDICT_RANK[a.verdict.verdict] : -1;
  const rb = b.verdict ? VERDICT_RANK[b.verdict.verdict] : -1;
  if (ra !== rb) return ra > rb;
  return a.snapshot.spawnsFailed > b.snapshot.spawnsFailed || (a.snapshot.healthMs ?? 0) > (b.snapshot.healthMs ?? 0);
}

const DOWN_WORDING: Partial<Record<Verdict['cause'], string>> = {
  no_health_data: 'No health check results arrived from the hub.',
  health_failing: 'The hub did not answer its health check.',
};

/** Periods when the verdict was not Operational, oldest first. */
export function incidentsFrom(timeline: readonly TimelinePoint[]): Incident[] {
  const incidents: Incident[] = [];
  let start: number | null = null;
  let worst: TimelinePoint | null = null;
  const close = (end: number | null) => {
    if (start === null || worst?.verdict == null || worst.verdict.verdict === 'Operational') return;
    const { verdict, cause, reason } = worst.verdict;
    incidents.push({ start, end, verdict, cause, reason: DOWN_WORDING[cause] ?? reason });
  };
  for (const point of timeline) {
    const bad = point.verdict !== null && point.verdict.verdict !== 'Operational';
    if (bad) {
      if (start === null) {
        start = point.at;
        worst = point;
      } else if (worst === null || worse(point, worst)) {
        worst = point;
      }
    } else if (start !== null) {
      close(point.at);
      start = null;
      worst = null;
    }
  }
  close(null);
  return incidents;
}
