import { HUB_NAME_PATTERN } from '@/lib/catalog';
import { isRelativeTime, normaliseTime } from '@/lib/time-range';

/**
 * The URL is the only state of a view: `from`, `until` (Graphite time syntax, kept raw so a
 * relative range stays relative), `hub`, `refresh` and `kiosk`. This module parses and writes
 * them; it is pure so server pages and tests use it too.
 */

export const REFRESH_OPTIONS = ['off', '10s', '30s', '1m', '5m'] as const;
export type RefreshOption = (typeof REFRESH_OPTIONS)[number];

export const REFRESH_INTERVAL_MS: Record<RefreshOption, number> = {
  off: 0,
  '10s': 10_000,
  '30s': 30_000,
  '1m': 60_000,
  '5m': 300_000,
};

export const DEFAULT_FROM = '-1h';
export const DEFAULT_UNTIL = 'now';
/** A live range refreshes by default (StatsD flushes every 10 s; a minute is gentle on Graphite). */
export const DEFAULT_LIVE_REFRESH: RefreshOption = '1m';

export interface ViewParams {
  from: string;
  until: string;
  /** Null: not chosen in the URL; the hub selector picks the default. */
  hub: string | null;
  refresh: RefreshOption;
  kiosk: boolean;
}

export type ViewParamName = keyof ViewParams;

/** What Next gives a server page (`await searchParams`) or a client (`useSearchParams()`). */
export type ParamSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(source: ParamSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === 'function') {
    return (source as { get(name: string): string | null }).get(name);
  }
  const value = (source as Record<string, string | string[] | undefined>)[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function validTime(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  try {
    normaliseTime(value);
    return value.trim();
  } catch {
    return null;
  }
}

/** Invalid values fall back to defaults: a mistyped link still opens a working view. */
export function parseViewParams(source: ParamSource): ViewParams {
  const from = validTime(read(source, 'from')) ?? DEFAULT_FROM;
  const until = validTime(read(source, 'until')) ?? DEFAULT_UNTIL;
  const hubRaw = read(source, 'hub');
  const hub = hubRaw !== null && hubRaw.length <= 64 && HUB_NAME_PATTERN.test(hubRaw) ? hubRaw : null;
  const refreshRaw = read(source, 'refresh');
  const refresh = (REFRESH_OPTIONS as readonly string[]).includes(refreshRaw ?? '')
    ? (refreshRaw as RefreshOption)
    : isRelativeTime(until)
      ? DEFAULT_LIVE_REFRESH
      : 'off';
  const kioskRaw = read(source, 'kiosk');
  const kiosk = kioskRaw === '1' || kioskRaw === 'true';
  return { from, until, hub, refresh, kiosk };
}

/**
 * New query string from the current one with `changes` applied (null deletes), keeping every
 * other parameter (e.g. Explore's `target`s). No leading "?"; empty string when nothing is left.
 */
export function withParams(
  current: string | URLSearchParams,
  changes: Partial<Record<ViewParamName | 'target', string | readonly string[] | null>>,
): string {
  const next = new URLSearchParams(typeof current === 'string' ? current.replace(/^\?/, '') : current.toString());
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (typeof value === 'string') {
      next.set(name, value); // keeps the parameter's place in the link
      continue;
    }
    next.delete(name);
    for (const v of value ?? []) next.append(name, v);
  }
  return next.toString();
}

/** The parameters that follow a person from view to view (nav links keep range, hub, refresh, kiosk). */
export const SHARED_PARAMS: readonly ViewParamName[] = ['from', 'until', 'hub', 'refresh', 'kiosk'];

export function sharedQuery(current: string | URLSearchParams): string {
  const src = new URLSearchParams(typeof current === 'string' ? current.replace(/^\?/, '') : current.toString());
  const out = new URLSearchParams();
  for (const name of SHARED_PARAMS) {
    const value = src.get(name);
    if (value !== null) out.set(name, value);
  }
  return out.toString();
}
