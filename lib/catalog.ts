/**
 * The metric catalog: every StatsD contract key the collector sends (issue 3 §2) and the
 * Graphite path it lands on (StatsD 0.9, legacyNamespace false, globalPrefix "stats").
 * The `as const` tuples feed both zod schemas and the UI, so a key cannot drift between them.
 */

/** Hub names as the collector writes them into the prefix `jupyterhub.<hub>`. */
export const HUB_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

export const COUNTER_KEYS = [
  'logins.success',
  'logins.failure',
  'spawns.success',
  'spawns.failure.error',
  'spawns.failure.exited',
  'spawns.failure.timeout',
  'spawns.failure.http_timeout',
  'spawns.throttled',
  'spawns.limited',
  'servers.crashed',
  'servers.stopped',
  // 5xx answers to starts whose failure was counted under spawns.failure.* (the collector pairs
  // them by user): what "Hub 5xx" on /errors leaves out, so a failed start is one error, not two.
  'requests.spawn_5xx',
  'errors.unclassified',
] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];

/** Counter families with a variable last node (an HTTP status code). */
export const COUNTER_FAMILIES = ['requests.status', 'proxy.errors'] as const;
export type CounterFamily = (typeof COUNTER_FAMILIES)[number];

export const TIMER_KEYS = ['spawns.duration', 'requests.duration'] as const;
export type TimerKey = (typeof TIMER_KEYS)[number];

export const GAUGE_KEYS = ['hub.up', 'hub.health_ms', 'servers.running', 'users.total'] as const;
export type GaugeKey = (typeof GAUGE_KEYS)[number];

export const SPAWN_FAILURE_REASONS = ['error', 'exited', 'timeout', 'http_timeout'] as const;
export type SpawnFailureReason = (typeof SPAWN_FAILURE_REASONS)[number];

export const spawnFailureKey = (reason: SpawnFailureReason): CounterKey => `spawns.failure.${reason}`;

/** Fields StatsD writes for every timer (percentThreshold [90, 99]). */
export const TIMER_FIELDS = ['count', 'mean', 'median', 'upper', 'lower', 'upper_90', 'upper_99', 'sum'] as const;
export type TimerField = (typeof TIMER_FIELDS)[number];

/**
 * Histogram bin upper bounds (ms, exclusive) configured in StatsD for each timer. Kept here so the
 * quantile code knows every bin even when a bin never received a value in the window.
 */
export const HISTOGRAM_BINS: Record<TimerKey, readonly number[]> = {
  'spawns.duration': [1000, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000, 120000, 300000, Infinity],
  'requests.duration': [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, Infinity],
};

const ROOT = 'jupyterhub';

function assertHub(hub: string): string {
  if (!HUB_NAME_PATTERN.test(hub)) {
    throw new RangeError(`hub: "${hub}" is not a hub name (letters, digits, "_" and "-" only)`);
  }
  return hub;
}

/** Per-flush (10 s) count of a counter key. */
export function counterPath(hub: string, key: CounterKey | `${CounterFamily}.${string}`): string {
  return `stats.counters.${ROOT}.${assertHub(hub)}.${key}.count`;
}

/** Every member of a counter family, e.g. all `requests.status.<code>` counts (Graphite glob). */
export function counterFamilyPattern(hub: string, family: CounterFamily, member = '*'): string {
  return `stats.counters.${ROOT}.${assertHub(hub)}.${family}.${member}.count`;
}

export function gaugePath(hub: string, key: GaugeKey): string {
  return `stats.gauges.${ROOT}.${assertHub(hub)}.${key}`;
}

export function timerPath(hub: string, key: TimerKey, field: TimerField): string {
  return `stats.timers.${ROOT}.${assertHub(hub)}.${key}.${field}`;
}

/** All histogram bins of a timer (per-flush counts per bin). */
export function histogramPattern(hub: string, key: TimerKey): string {
  return `stats.timers.${ROOT}.${assertHub(hub)}.${key}.histogram.bin_*`;
}

/** StatsD names a bin `bin_<bound>` with '.' replaced by '_' and `bin_inf` for the last one. */
export function binName(bound: number): string {
  return bound === Infinity ? 'bin_inf' : `bin_${String(bound).replace('.', '_')}`;
}

/** Inverse of binName on the last node of a Graphite path; null when it is not a bin. */
export function parseBinBound(path: string): number | null {
  const last = path.slice(path.lastIndexOf('.') + 1);
  const match = /^bin_(inf|\d+(?:_\d+)?)$/.exec(last);
  if (!match?.[1]) return null;
  return match[1] === 'inf' ? Infinity : Number(match[1].replace('_', '.'));
}

/** The variable node of a family path (`...requests.status.503.count` -> "503"); null if not in it. */
export function familyMember(path: string, family: CounterFamily): string | null {
  const marker = `.${family}.`;
  const start = path.indexOf(marker);
  if (start < 0 || !path.endsWith('.count')) return null;
  const member = path.slice(start + marker.length, -'.count'.length);
  return member.length > 0 ? member : null;
}

/** Graphite pattern that lists hubs which have ever reported a gauge (the health probe does). */
export const HUB_DISCOVERY_QUERY = `stats.gauges.${ROOT}.*`;
