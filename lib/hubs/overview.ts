import type { HubRow, HubsOverview } from '@/lib/api/hubs';
import {
  everyHubCounterPath,
  everyHubGaugePath,
  type GaugeKey,
  HUB_NAME_PATTERN,
  HUB_NODE,
  keyNode,
  parseGaugePath,
  SPAWN_FAILURES_GLOB,
} from '@/lib/catalog';
import type { Thresholds } from '@/lib/config/status';
import type { BackendStatus } from '@/lib/shared/backend';
import type { Datapoint, SeriesLike } from '@/lib/stats/series';
import { recentValue } from '@/lib/stats/series';
import { guardVerdict } from '@/lib/status/partial-verdict';
import { lastWindow } from '@/lib/status/plain-language';
import { evaluateTimeline } from '@/lib/status/timeline';
import { VERDICT_RANK } from '@/lib/status/verdict';

/**
 * `/hubs`: every reporting hub with its verdict, running servers and failed starts in the last
 * hour, worst first. All hubs come from ONE render with wildcards (groupByNodes for the spawn
 * counts), so its cost grows with the number of series, never with one request per hub. Pure:
 * the render is done by lib/hubs/get-overview.ts.
 */

// The answer's shape is the hubs API's contract (lib/api/hubs.ts).
export type { HubRow, HubsOverview } from '@/lib/api/hubs';

/** One hour: "failed starts in the last hour" and more than the verdict's lookback. */
export const OVERVIEW_SECONDS = 3600;
/** 30 s buckets: 120 points per series keeps 100 hubs at well under a megabyte of JSON. */
export const OVERVIEW_POINTS = 120;

// Grouped by the hub and the key's second node, a spawn count answers as `<hub>.success` or
// `<hub>.failure` (every failure reason summed).
const bySpawnOutcome = (path: string) => `groupByNodes(${path}, 'sum', ${HUB_NODE}, ${keyNode(1)})`;

/** The one render's targets; consolidation keeps what the verdict rules need from each bucket. */
export function overviewTargets(): string[] {
  return [
    // A bucket with one failed probe counts as down; the slowest probe counts.
    `consolidateBy(${everyHubGaugePath('hub.up')}, 'min')`,
    `consolidateBy(${everyHubGaugePath('hub.health_ms')}, 'max')`,
    `consolidateBy(${everyHubGaugePath('servers.running')}, 'last')`,
    `consolidateBy(${bySpawnOutcome(everyHubCounterPath('spawns.success'))}, 'sum')`,
    `consolidateBy(${bySpawnOutcome(everyHubCounterPath(SPAWN_FAILURES_GLOB))}, 'sum')`,
  ];
}

type HubSeries = { up: Datapoint[]; healthMs: Datapoint[]; running: Datapoint[]; success: Datapoint[]; failure: Datapoint[] };
const emptyHub = (): HubSeries => ({ up: [], healthMs: [], running: [], success: [], failure: [] });

const GAUGE_FIELDS: Partial<Record<GaugeKey, keyof HubSeries>> = {
  'hub.up': 'up',
  'hub.health_ms': 'healthMs',
  'servers.running': 'running',
};

/** Graphite names a consolidated series `consolidateBy(<name>,"min")`; its tags.name is a member's path. */
export function unwrapConsolidation(target: string): string {
  return /^consolidateBy\((.*),\s*["'][a-z]+["']\)$/.exec(target)?.[1] ?? target;
}

/** Series by hub: gauges by their path, groupByNodes answers named `<hub>.success` / `<hub>.failure`. */
export function seriesByHub(series: readonly SeriesLike[]): Map<string, HubSeries> {
  const hubs = new Map<string, HubSeries>();
  const add = (hub: string, field: keyof HubSeries, points: readonly Datapoint[]) => {
    if (!HUB_NAME_PATTERN.test(hub)) return;
    const entry = hubs.get(hub) ?? emptyHub();
    entry[field] = [...points];
    hubs.set(hub, entry);
  };
  for (const s of series) {
    const name = unwrapConsolidation(s.target);
    const parts = name.split('.');
    const gauge = parseGaugePath(name);
    if (gauge !== null) {
      const field = GAUGE_FIELDS[gauge.key];
      if (field !== undefined) add(gauge.hub, field, s.datapoints);
    } else if (parts.length === 2 && (parts[1] === 'success' || parts[1] === 'failure')) {
      add(parts[0] ?? '', parts[1], s.datapoints);
    }
  }
  return hubs;
}

const sumSince = (points: readonly Datapoint[], from: number) =>
  points.reduce((sum, [value, at]) => (value !== null && Number.isFinite(value) && at >= from ? sum + value : sum), 0);

export function hubsOverview(series: readonly SeriesLike[], until: number, thresholds: Thresholds, backend: BackendStatus): HubsOverview {
  const hubs: HubRow[] = [];
  for (const [hub, s] of seriesByHub(series)) {
    const timeline = evaluateTimeline(
      { up: s.up, healthMs: s.healthMs, spawnsSucceeded: s.success, spawnsFailed: [s.failure] },
      thresholds,
      lastWindow(thresholds.windowMinutes),
    );
    const computed = timeline.at(-1)?.verdict ?? {
      verdict: 'Down' as const,
      cause: 'no_health_data' as const,
      reason: 'No health check results have arrived from the hub.',
    };
    const verdict = guardVerdict(computed, backend);
    const failedStarts = sumSince(s.failure, until - OVERVIEW_SECONDS);
    hubs.push({
      hub,
      ...verdict,
      running: recentValue(s.running, until, thresholds.noDataDownMinutes * 60)?.value ?? null,
      failedStarts,
      starts: failedStarts + sumSince(s.success, until - OVERVIEW_SECONDS),
    });
  }
  hubs.sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] || b.failedStarts - a.failedStarts || a.hub.localeCompare(b.hub));
  return { until, hubs, backend };
}
