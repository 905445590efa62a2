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
