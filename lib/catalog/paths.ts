import {
  type CounterFamily,
  type CounterKey,
  type FamilyKey,
  GAUGE_KEYS,
  type GaugeKey,
  HUB_NAME_PATTERN,
  KEY_ROOT,
  type TimerField,
  type TimerKey,
} from './keys';
import { PROM_PREFIX, type PromKey } from './prom';

/**
 * Where a key lands in Graphite: StatsD 0.9 with `legacyNamespace: false` and `globalPrefix: "stats"`
 * (the stack's StatsD configuration) puts a counter under `stats.counters.<key>.count`, a timer under
 * `stats.timers.<key>.<field>` and a gauge under `stats.gauges.<key>`.
 */

function assertHub(hub: string): string {
  if (!HUB_NAME_PATTERN.test(hub)) {
    throw new RangeError(`hub: "${hub}" is not a hub name (letters, digits, "_" and "-" only)`);
  }
  return hub;
}

/** Per-flush (10 s) count of a counter key (a `prom.*` counter too; a Graphite glob is allowed in it). */
export function counterPath(hub: string, key: CounterKey | FamilyKey | PromKey): string {
  return `stats.counters.${KEY_ROOT}.${assertHub(hub)}.${key}.count`;
}

/** Every member of a counter family, e.g. all `requests.status.<code>` counts (Graphite glob). */
export function counterFamilyPattern(hub: string, family: CounterFamily, member = '*'): string {
  return `stats.counters.${KEY_ROOT}.${assertHub(hub)}.${family}.${member}.count`;
}

export function gaugePath(hub: string, key: GaugeKey | PromKey): string {
  return `stats.gauges.${KEY_ROOT}.${assertHub(hub)}.${key}`;
}

export function timerPath(hub: string, key: TimerKey, field: TimerField): string {
  return `stats.timers.${KEY_ROOT}.${assertHub(hub)}.${key}.${field}`;
}

/** Where a forwarded /hub/metrics gauge family lands (its label values follow as nodes). */
export function promGaugePath(hub: string, family: string): string {
  return `stats.gauges.${KEY_ROOT}.${assertHub(hub)}.${PROM_PREFIX}${family}`;
}

/** The counter prefix of one /hub/metrics family, `stats.counters.jupyterhub.<hub>.prom.<family>`. */
export function promCounterBase(hub: string, family: string): string {
  return `stats.counters.${KEY_ROOT}.${assertHub(hub)}.${PROM_PREFIX}${family}`;
}

/** All histogram bins of a timer (per-flush counts per bin). */
export function histogramPattern(hub: string, key: TimerKey): string {
  return `stats.timers.${KEY_ROOT}.${assertHub(hub)}.${key}.histogram.bin_*`;
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
export const HUB_DISCOVERY_QUERY = `stats.gauges.${KEY_ROOT}.*`;

/**
 * Node 3 of every path is the hub (`stats.<kind>.jupyterhub.<hub>.<key...>`): what a render over
 * every hub groups by (`groupByNodes(..., HUB_NODE, ...)`).
 */
export const HUB_NODE = 3;

/** The node index of a key's `n`-th part (0-based) in a path: `spawns.success` is nodes 4 and 5. */
export const keyNode = (n: number): number => HUB_NODE + 1 + n;

/** Every spawn failure reason at once, in place of one `spawns.failure.<reason>` key. */
export const SPAWN_FAILURES_GLOB = 'spawns.failure.*';

/** `counterPath` for every hub at once (a glob in the hub's node), for one render over all hubs. */
export function everyHubCounterPath(key: CounterKey | typeof SPAWN_FAILURES_GLOB): string {
  return `stats.counters.${KEY_ROOT}.*.${key}.count`;
}

/** `gaugePath` for every hub at once. */
export function everyHubGaugePath(key: GaugeKey): string {
  return `stats.gauges.${KEY_ROOT}.*.${key}`;
}

/** The hub and key of a gauge's path (`stats.gauges.jupyterhub.<hub>.<key>`); null for any other path. */
export function parseGaugePath(path: string): { hub: string; key: GaugeKey } | null {
  const prefix = `stats.gauges.${KEY_ROOT}.`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  const dot = rest.indexOf('.');
  const hub = rest.slice(0, dot);
  const key = rest.slice(dot + 1);
  if (dot < 0 || !HUB_NAME_PATTERN.test(hub)) return null;
  return (GAUGE_KEYS as readonly string[]).includes(key) ? { hub, key: key as GaugeKey } : null;
}
