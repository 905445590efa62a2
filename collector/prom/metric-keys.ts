import type { Sample } from './text-parser';

/**
 * StatsD key naming for /hub/metrics (documented in docs/collector.md):
 *   counter     prom.<family>[.<label values>]
 *   gauge       prom.<family>[.<label values>]
 *   histogram   prom.<family>[.<label values>].le_<bound>   (bucket deltas; cumulative by le)
 *               prom.<family>[.<label values>].count / .sum
 * Label values come in label-name order, `le` excluded; characters outside [A-Za-z0-9_-] become `_`,
 * so `ServerPollStatus.running` -> `ServerPollStatus_running` and `le="2.5"` -> `le_2_5`, `+Inf` -> `le_inf`.
 */

/** Families whose labels are reduced before keys are built, to bound the number of Graphite series. */
export const KEPT_LABELS: Readonly<Record<string, readonly string[]>> = {
  // 11 codes x 18 handlers x 3 methods x 15 buckets would be ~9,000 whisper files; the code is what matters.
  jupyterhub_request_duration_seconds: ['code'],
};

/** Families never forwarded: constant info, drifting gauges, creation timestamps. */
export function isSkippedFamily(name: string): boolean {
  return (
    name.endsWith('_created') ||
    name === 'python_info' ||
    // Drifts (re-synced only at spawn requests); servers.running comes from the REST API instead.
    name === 'jupyterhub_running_servers'
  );
}

export function safeSegment(value: string): string {
  if (value === '') return '_';
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function leSegment(le: string): string {
  if (le === '+Inf' || le === 'Inf') return 'le_inf';
  const n = Number(le);
  return `le_${safeSegment(Number.isFinite(n) ? String(n) : le)}`;
}

/**
 * JupyterHub 3.x-5.x label a spawn's outcome `status` (success, failure, throttled, too-many-users,
 * already-pending); 6.x splits it into `status` (success, failure, error) and `reason`
 * (throttled, too-many-users, already-pending, exited, or ""). One segment, the reason when there
 * is one, else the status, gives every version the same keys: `prom.<family>.throttled.le_5`.
 */
export const SPAWN_FAMILY = 'jupyterhub_server_spawn_duration_seconds';

function spawnOutcome(sample: Sample): string | null {
  const reason = sample.labels.find(([name]) => name === 'reason');
  if (reason === undefined) return null;
  const status = sample.labels.find(([name]) => name === 'status')?.[1] ?? '';
  return reason[1] === '' ? status : reason[1];
}

export function seriesKey(family: string, sample: Sample, kept?: readonly string[]): string {
  let key = `prom.${safeSegment(family)}`;
  const outcome = family === SPAWN_FAMILY ? spawnOutcome(sample) : null;
  if (outcome !== null) return `${key}.${safeSegment(outcome)}`;
  for (const [name, value] of sample.labels) {
    if (name === 'le') continue;
    if (kept && !kept.includes(name)) continue;
    key += `.${safeSegment(value)}`;
  }
  return key;
}

/** Stable identity of a raw sample (all labels), for delta tracking. */
export function sampleId(sample: Sample): string {
  let id = sample.name;
  for (const [name, value] of sample.labels) id += `\u0000${name}=${value}`;
  return id;
}
