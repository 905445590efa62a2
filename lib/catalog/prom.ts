/**
 * StatsD key naming for what the collector forwards from /hub/metrics (documented in the README
 * and docs/collector.md):
 *   counter     prom.<family>[.<label values>]
 *   gauge       prom.<family>[.<label values>]
 *   histogram   prom.<family>[.<label values>].le_<bound>   (bucket deltas; cumulative by le)
 *               prom.<family>[.<label values>].count / .sum
 * Label values come in label-name order, `le` excluded; characters outside [A-Za-z0-9_-] become `_`,
 * so `ServerPollStatus.running` -> `ServerPollStatus_running` and `le="2.5"` -> `le_2_5`, `+Inf` -> `le_inf`.
 */

export const PROM_PREFIX = 'prom.';
export type PromKey = `prom.${string}`;
/** The last node of a histogram's keys: a bucket, or the count or sum of the observations. */
export type PromPart = `le_${string}` | 'count' | 'sum';
export type PromLabels = ReadonlyArray<readonly [string, string]>;

/** The hub's request histogram: its `code` label also feeds `requests.status.<code>` without a log source. */
export const PROM_REQUEST_FAMILY = 'jupyterhub_request_duration_seconds';

/** Families whose labels are reduced before keys are built, to bound the number of Graphite series. */
export const KEPT_LABELS: Readonly<Record<string, readonly string[]>> = {
  // 11 codes x 18 handlers x 3 methods x 15 buckets would be ~9,000 whisper files; the code is what matters.
  [PROM_REQUEST_FAMILY]: ['code'],
};

export function safeSegment(value: string): string {
  if (value === '') return '_';
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function leSegment(le: string): `le_${string}` {
  if (le === '+Inf' || le === 'Inf') return 'le_inf';
  const n = Number(le);
  return `le_${safeSegment(Number.isFinite(n) ? String(n) : le)}`;
}

/** Inverse of leSegment on a Graphite path (`...prom.<family>.le_2_5.count` -> 2.5); null when no `le_` node. */
export function parseLeBound(path: string): number | null {
  const match = /(?:^|\.)le_(inf|\d+(?:_\d+)?(?:e-?\d+)?)(?:\.|$)/.exec(path);
  if (!match?.[1]) return null;
  return match[1] === 'inf' ? Infinity : Number(match[1].replace('_', '.'));
}

/**
 * JupyterHub 3.x-5.x label a spawn's outcome `status` (success, failure, throttled, too-many-users,
 * already-pending); 6.x splits it into `status` (success, failure, error) and `reason`
 * (throttled, too-many-users, already-pending, exited, or ""). One segment, the reason when there
 * is one, else the status, gives every version the same keys: `prom.<family>.throttled.le_5`.
 */
export const PROM_SPAWN_FAMILY = 'jupyterhub_server_spawn_duration_seconds';

function spawnOutcome(labels: PromLabels): string | null {
  const reason = labels.find(([name]) => name === 'reason');
  if (reason === undefined) return null;
  const status = labels.find(([name]) => name === 'status')?.[1] ?? '';
  return reason[1] === '' ? status : reason[1];
}

/** The key of one sample: family, the kept label values (all when `kept` is undefined), then the part. */
export function promKey(family: string, labels: PromLabels, kept?: readonly string[], part?: PromPart): PromKey {
  let key: PromKey = `${PROM_PREFIX}${safeSegment(family)}`;
  const outcome = family === PROM_SPAWN_FAMILY ? spawnOutcome(labels) : null;
  if (outcome !== null) {
    key = `${key}.${safeSegment(outcome)}`;
    return part === undefined ? key : `${key}.${part}`;
  }
  for (const [name, value] of labels) {
    if (name === 'le') continue;
    if (kept && !kept.includes(name)) continue;
    key = `${key}.${safeSegment(value)}`;
  }
  return part === undefined ? key : `${key}.${part}`;
}
