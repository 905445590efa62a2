import { createLoader, createParser, createSerializer, type inferParserType, type LoaderInput, parseAsStringLiteral } from 'nuqs/server';
import { HUB_NAME_PATTERN } from '@/lib/catalog';
import { isRelativeTime, normaliseTime } from '@/lib/time-range';

/**
 * The URL is the only state of a view: `from`, `until` (Graphite time syntax, kept raw so a
 * relative range stays relative), `hub`, `refresh` and `kiosk`. Typed nuqs parsers, read by the
 * server pages (`parseViewParams`) and by the browser (`useViewParams`) alike; this module is
 * pure, so both sides and the unit tests use it.
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
export const DEFAULT_LIVE_REFRESH: RefreshOption = '10s';

/** Invalid values parse as null and fall back to defaults: a mistyped link still opens a working view. */
function graphiteTime(value: string): string | null {
  if (value.trim() === '') return null;
  try {
    normaliseTime(value);
    return value.trim();
  } catch {
    return null;
  }
}

const timeParser = createParser({ parse: graphiteTime, serialize: (value: string) => value });
const hubParser = createParser({
  parse: (value: string) => (value.length <= 64 && HUB_NAME_PATTERN.test(value) ? value : null),
  serialize: (value: string) => value,
});
const kioskParser = createParser({
  parse: (value: string): boolean | null => (value === '1' || value === 'true' ? true : null),
  serialize: (value: boolean) => (value ? '1' : '0'),
});

/**
 * The parameters every view shares. A value written is always written (no clearing on default),
 * so `from=-1h` in a link stays there. `refresh` has no static default: it depends on `until`.
 */
export const viewParsers = {
  from: timeParser.withDefault(DEFAULT_FROM).withOptions({ clearOnDefault: false }),
  until: timeParser.withDefault(DEFAULT_UNTIL).withOptions({ clearOnDefault: false }),
  hub: hubParser.withOptions({ clearOnDefault: false }),
  refresh: parseAsStringLiteral(REFRESH_OPTIONS).withOptions({ clearOnDefault: false }),
  kiosk: kioskParser.withDefault(false).withOptions({ clearOnDefault: false }),
};

export type ViewParamName = keyof typeof viewParsers;
/** The URL's values as parsed, before the refresh default is applied. */
export type RawViewParams = inferParserType<typeof viewParsers>;

export interface ViewParams {
  from: string;
  until: string;
  /** Null: not chosen in the URL; the hub selector picks the default. */
  hub: string | null;
  refresh: RefreshOption;
  kiosk: boolean;
}

/** A range ending now refreshes every minute unless the URL says otherwise; a fixed one does not. */
export function withRefreshDefault(raw: RawViewParams): ViewParams {
  const refresh = raw.refresh ?? (isRelativeTime(raw.until) ? DEFAULT_LIVE_REFRESH : 'off');
  return { from: raw.from, until: raw.until, hub: raw.hub, refresh, kiosk: raw.kiosk };
}

const loadViewParams = createLoader(viewParsers);

/** From a server page's `await searchParams`, a URLSearchParams or a query string. */
export function parseViewParams(source: LoaderInput): ViewParams {
  return withRefreshDefault(loadViewParams(source));
}

const serializeViewParams = createSerializer(viewParsers);

/**
 * New query string from the current one with `changes` applied (null deletes), keeping every
 * other parameter (e.g. Explore's `target`s). No leading "?"; empty string when nothing is left.
 */
export function withViewParams(
  current: string | URLSearchParams,
  changes: Partial<{ [K in ViewParamName]: RawViewParams[K] | null }>,
): string {
  const base = new URLSearchParams(typeof current === 'string' ? current.replace(/^\?/, '') : current.toString());
  return serializeViewParams(`?${base.toString()}`, changes).replace(/^[^?]*\??/, '');
}

/** The parameters that follow a person from view to view (nav links keep range, hub, refresh, kiosk). */
export const SHARED_PARAMS: readonly ViewParamName[] = ['from', 'until', 'hub', 'refresh', 'kiosk'];

/** The shared parameters present in `current`, for nav links; view-specific ones are dropped. */
export function sharedQuery(current: string | URLSearchParams): string {
  const source = new URLSearchParams(typeof current === 'string' ? current.replace(/^\?/, '') : current.toString());
  const raw = loadViewParams(source);
  const present = Object.fromEntries(SHARED_PARAMS.filter((name) => source.has(name)).map((name) => [name, raw[name]]));
  return serializeViewParams(present).replace(/^\?/, '');
}
