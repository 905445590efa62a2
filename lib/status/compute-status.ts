import type { StatusResponse } from '@/lib/api/status';
import { counterPath, gaugePath, importedMarkerPath, SPAWN_FAILURE_REASONS, spawnFailureKey } from '@/lib/catalog';
import type { Thresholds } from '@/lib/config/status';
import { ERROR_CATEGORIES } from '@/lib/errors-explained';
import { type BackendStatus, COMPLETE_BACKEND } from '@/lib/graphite/backend-state';
import { changeVsPrevious } from '@/lib/stats/change';
import { histogramQuantile, histogramTotal } from '@/lib/stats/histogram-quantile';
import { type Datapoint, lastValue, recentValue, type SeriesLike } from '@/lib/stats/series';
import { guardVerdict } from '@/lib/status/partial-verdict';
import { formatUtcTime, lastWindow } from '@/lib/status/plain-language';
import { countRange } from '@/lib/status/range-counts';
import { evaluateTimeline, incidentsFrom } from '@/lib/status/timeline';
import { overallUptime, uptimeByDay } from '@/lib/status/uptime';

/** The Graphite answers the status is computed from (one render each, see targets.ts). */
export interface StatusInputs {
  hub: string;
  /** [from, until) in epoch seconds; the previous range is [from - (until - from), from). */
  from: number;
  until: number;
  /** Wall clock, to word the verdict window ("the last 15 minutes" vs "the 15 minutes up to ..."). */
  now: number;
  current: readonly SeriesLike[];
  previous: readonly SeriesLike[];
  /** stateTargets over [until - incident lookback, until]. */
  state: readonly SeriesLike[];
  /** uptimeTargets over the 90 days up to until. */
  uptime: readonly SeriesLike[];
  /** Whether those answers are complete; a single node's always are. */
  backend?: BackendStatus;
}

export const MAX_INCIDENTS = 10;
export const UPTIME_DAYS = 90;

function pointsOf(series: readonly SeriesLike[], path: string): readonly Datapoint[] {
  return series.find((s) => (s.tags?.name ?? s.target) === path)?.datapoints ?? [];
}

function upTo(points: readonly Datapoint[], until: number): Datapoint[] {
  return points.filter(([, ts]) => ts < until);
}

const toSeconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms) / 1000);

export function computeStatus(input: StatusInputs, thresholds: Thresholds): StatusResponse {
  const { hub, from, until } = input;
  const previousFrom = from - (until - from);
  const current = countRange(input.current, hub, from, until);
  const previous = countRange(input.previous, hub, previousFrom, from);

  const failureByReason = Object.fromEntries(
    SPAWN_FAILURE_REASONS.map((reason) => [reason, current.counters[spawnFailureKey(reason)]]),
  ) as Record<(typeof SPAWN_FAILURE_REASONS)[number], number>;
  const failed = SPAWN_FAILURE_REASONS.reduce((sum, reason) => sum + failureByReason[reason], 0);

  const errorsTotal = ERROR_CATEGORIES.reduce((sum, c) => sum + current.errors[c], 0);
  const previousErrorsTotal = ERROR_CATEGORIES.reduce((sum, c) => sum + previous.errors[c], 0);
  const byCategory = Object.fromEntries(
    ERROR_CATEGORIES.map((c) => {
      const change = changeVsPrevious(current.errors[c], previous.errors[c]);
      return [
        c,
        {
          count: current.errors[c],
          previous: previous.errors[c],
          share: errorsTotal === 0 ? null : current.errors[c] / errorsTotal,
          changePercent: change.percent,
        },
      ];
    }),
  ) as StatusResponse['errors']['byCategory'];

  const byStatus = current.families['requests.status'];
  const requestsTotal = Object.values(byStatus).reduce((sum, n) => sum + n, 0);

  // Verdict and incidents: the same rules evaluated over the lookback, the verdict at its end.
  const state = (key: Parameters<typeof gaugePath>[1]) => upTo(pointsOf(input.state, gaugePath(hub, key)), until);
  const stateCount = (path: string) => upTo(pointsOf(input.state, path), until);
  const stateSeries = {
    up: state('hub.up'),
    healthMs: state('hub.health_ms'),
    spawnsSucceeded: stateCount(counterPath(hub, 'spawns.success')),
    spawnsFailed: SPAWN_FAILURE_REASONS.map((r) => stateCount(counterPath(hub, spawnFailureKey(r)))),
    imported: stateCount(importedMarkerPath(hub)),
  };
  const live = input.now - until < 60;
  const windowText = live ? lastWindow(thresholds.windowMinutes) : `the ${thresholds.windowMinutes} minutes up to ${formatUtcTime(until)}`;
  const timeline = evaluateTimeline(stateSeries, thresholds, windowText);
  const last = timeline.at(-1);
  const backend = input.backend ?? COMPLETE_BACKEND;
  const computed = last?.verdict ?? {
    verdict: 'Down' as const,
    cause: 'no_health_data' as const,
    reason: 'No health check results have arrived from the hub.',
  };
  const verdict = guardVerdict(computed, backend);
  const incidents = incidentsFrom(evaluateTimeline(stateSeries, thresholds, `${thresholds.windowMinutes} minutes`))
    .reverse()
    .slice(0, MAX_INCIDENTS);

  const up = lastValue(stateSeries.up);
  // Current-state numbers are shown as "now": older than the no-data limit, they are unknown.
  const maxAge = thresholds.noDataDownMinutes * 60;
  const health = recentValue(stateSeries.healthMs, until, maxAge);
  const uptimeDays = uptimeByDay(
    upTo(pointsOf(input.uptime, gaugePath(hub, 'hub.up')), until),
    until,
    UPTIME_DAYS,
    upTo(pointsOf(input.uptime, importedMarkerPath(hub)), until),
  );

  return {
    range: { from, until, previousFrom },
    verdict: verdict.verdict,
    cause: verdict.cause,
    reason: verdict.reason,
    verdictWindow: { from: until - thresholds.windowMinutes * 60, until },
    spawns: {
      success: current.counters['spawns.success'],
      failed,
      failureByReason,
      throttled: current.counters['spawns.throttled'],
      limited: current.counters['spawns.limited'],
      waitSeconds: {
        p50: toSeconds(histogramQuantile(current.spawnWait, 0.5)),
        p95: toSeconds(histogramQuantile(current.spawnWait, 0.95)),
        samples: histogramTotal(current.spawnWait),
      },
    },
    logins: { success: current.counters['logins.success'], failure: current.counters['logins.failure'] },
    requests: { byStatus, total: requestsTotal, spawnFailures5xx: current.counters['requests.spawn_5xx'] },
    proxy: { errorsByStatus: current.families['proxy.errors'] },
    servers: {
      running: recentValue(state('servers.running'), until, maxAge)?.value ?? null,
      crashed: current.counters['servers.crashed'],
      stopped: current.counters['servers.stopped'],
    },
    users: { total: recentValue(state('users.total'), until, maxAge)?.value ?? null },
    hub: { name: hub, up: up?.value ?? null, upAt: up?.at ?? null, healthMs: health?.value ?? null },
    errors: { total: errorsTotal, previousTotal: previousErrorsTotal, byCategory },
    // Deployments are looked up by getStatus, which fills these in.
    incidents: incidents.map((incident) => ({ ...incident, afterDeployment: null })),
    lastDeployment: null,
    uptime: { days: uptimeDays, overall: overallUptime(uptimeDays) },
    backend,
  };
}
