/**
 * Every StatsD contract key the collector sends, relative to the `jupyterhub.<hub>` prefix. The
 * `as const` tuples feed the collector's typed emitter, zod schemas and the UI, so a key is
 * spelled in one place and a misspelling does not compile.
 */

/** Hub names as the collector writes them into the prefix `jupyterhub.<hub>`. */
export const HUB_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** The first node of every key the collector sends: `jupyterhub.<hub>.<key>`. */
export const KEY_ROOT = 'jupyterhub';

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
export type FamilyKey = `${CounterFamily}.${string}`;

/** `requests.status.503`: a member of a family (the caller validates the member, a status code). */
export function familyKey(family: CounterFamily, member: string | number): FamilyKey {
  return `${family}.${member}`;
}

export const TIMER_KEYS = ['spawns.duration', 'requests.duration'] as const;
export type TimerKey = (typeof TIMER_KEYS)[number];

export const GAUGE_KEYS = ['hub.up', 'hub.health_ms', 'servers.running', 'users.total'] as const;
export type GaugeKey = (typeof GAUGE_KEYS)[number];

export const SPAWN_FAILURE_REASONS = ['error', 'exited', 'timeout', 'http_timeout'] as const;
export type SpawnFailureReason = (typeof SPAWN_FAILURE_REASONS)[number];

/** A reason without its counter in COUNTER_KEYS drops out of this type, and spawnFailureKey stops compiling. */
export type SpawnFailureKey = `spawns.failure.${SpawnFailureReason}` & CounterKey;

export const spawnFailureKey = (reason: SpawnFailureReason): SpawnFailureKey => `spawns.failure.${reason}`;

/** Fields StatsD writes for every timer (percentThreshold [90, 99]). */
export const TIMER_FIELDS = ['count', 'mean', 'median', 'upper', 'lower', 'upper_90', 'upper_99', 'sum'] as const;
export type TimerField = (typeof TIMER_FIELDS)[number];
