import {
  COUNTER_FAMILIES,
  COUNTER_KEYS,
  counterFamilyPattern,
  counterPath,
  gaugePath,
  histogramPattern,
  importedMarkerPath,
  SPAWN_FAILURE_REASONS,
  spawnFailureKey,
} from '@/lib/catalog';

/** Everything counted over a range: counters, status-code families, spawn wait histogram. */
export function countTargets(hub: string): string[] {
  return [
    ...COUNTER_KEYS.map((key) => counterPath(hub, key)),
    ...COUNTER_FAMILIES.map((family) => counterFamilyPattern(hub, family)),
    histogramPattern(hub, 'spawns.duration'),
  ];
}

/** What the verdict rules and the "now" tiles read, over the incident lookback. */
export function stateTargets(hub: string): string[] {
  return [
    gaugePath(hub, 'hub.up'),
    importedMarkerPath(hub),
    gaugePath(hub, 'hub.health_ms'),
    gaugePath(hub, 'servers.running'),
    gaugePath(hub, 'users.total'),
    counterPath(hub, 'spawns.success'),
    ...SPAWN_FAILURE_REASONS.map((reason) => counterPath(hub, spawnFailureKey(reason))),
  ];
}

export function uptimeTargets(hub: string): string[] {
  return [gaugePath(hub, 'hub.up'), importedMarkerPath(hub)];
}

/**
 * `targets` summed by graphite-web into one point per series over a window of `seconds`: the
 * status needs only the totals over a range, and a range of months at 10 s or 1 min points
 * would otherwise come back as millions of points (hundreds of MB once parsed). `summarize`
 * aligned to `from` keeps every stored point in the one bucket (its tags keep the series' name),
 * so the sums are the same exact sums; the render must end one second before the range's end
 * for the bucket at `until` to stay out (countsWindow in get-status.ts).
 */
export function summedTargets(targets: readonly string[], seconds: number): string[] {
  const span = `${Math.max(1, Math.ceil(seconds))}s`;
  return targets.map((target) => `summarize(${target},"${span}","sum",true)`);
}
