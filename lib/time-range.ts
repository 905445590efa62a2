/**
 * Graphite / Grafana time syntax.
 *
 * Accepted inputs (case of units matters only for Grafana's `m` = minute vs `M` = month):
 * - `now`, and offsets from now: `-6h`, `-2days`, `-1h30min`, `+10min`, `now-6h` (Grafana), `now-5m`
 * - epoch seconds: `1795604400`
 * - `HH:MM_YYYYMMDD` (also without the underscore) and `YYYYMMDD`, read as UTC
 *
 * Everything is normalised to a string Graphite's `parseATTime` reads the same way: offsets use
 * Graphite's unit names (`min`, not `m`, which Graphite rejects; `mon`, since Graphite lower-cases
 * Grafana's `M` into that same invalid `m`), and absolute dates become epoch seconds so the
 * result does not depend on graphite-web's TIME_ZONE setting.
 *
 * Pure: no Node APIs, so the browser can use `resolveTime` too.
 */

export class TimeSyntaxError extends Error {
  override name = 'TimeSyntaxError';
}

/** Seconds per Graphite unit; Graphite counts a month as 30 days and a year as 365 days. */
export const UNIT_SECONDS = {
  s: 1,
  min: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
  mon: 2_592_000,
  y: 31_536_000,
} as const;

export type TimeUnit = keyof typeof UNIT_SECONDS;

const UNIT_WORDS: Readonly<Record<string, TimeUnit>> = {
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  week: 'w',
  weeks: 'w',
  mon: 'mon',
  month: 'mon',
  months: 'mon',
  y: 'y',
  year: 'y',
  years: 'y',
};

export type ParsedTime =
  | { kind: 'relative'; offsetSeconds: number; graphite: string }
  | { kind: 'absolute'; epochSeconds: number; graphite: string };

const MAX_INPUT_LENGTH = 64;
const OFFSET_RE = /^(?:now)?([+-])((?:\d{1,10}[a-zA-Z]+)+)$/i;
const OFFSET_PART_RE = /(\d{1,10})([a-zA-Z]+)/g;
const EPOCH_RE = /^\d{1,10}$/;
const DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const TIME_DATE_RE = /^(\d{2}):(\d{2})_?(\d{4})(\d{2})(\d{2})$/;
const NOT_A_TIME = 'not a Graphite time';

function unitOf(raw: string): TimeUnit {
  // Grafana: `m` minute, `M` month. Graphite lower-cases and rejects a bare `m`.
  if (raw === 'm') return 'min';
  if (raw === 'M') return 'mon';
  const unit = UNIT_WORDS[raw.toLowerCase()];
  if (unit === undefined) {
    throw new TimeSyntaxError(`unknown time unit "${raw.slice(0, 10)}" (use s, min, h, d, w, mon, y)`);
  }
  return unit;
}

function parseOffset(sign: string, body: string): ParsedTime {
  let seconds = 0;
  let graphite = sign;
  for (const match of body.matchAll(OFFSET_PART_RE)) {
    const amount = Number(match[1]);
    const unit = unitOf(match[2] ?? '');
    seconds += amount * UNIT_SECONDS[unit];
    graphite += `${amount}${unit}`;
  }
  if (seconds === 0) return { kind: 'relative', offsetSeconds: 0, graphite: 'now' };
  return { kind: 'relative', offsetSeconds: sign === '-' ? -seconds : seconds, graphite };
}

function utcEpoch(year: number, month: number, day: number, hour: number, minute: number): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(ms);
  // Date.UTC silently rolls 31 February into March; a real calendar date survives the round trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    throw new TimeSyntaxError('not a valid calendar date/time');
  }
  return ms / 1000;
}

/**
 * The instants Graphite can be asked about: its render reads absolute times as epoch seconds of
 * at most ten digits, and a negative number is an offset from now to it, not a date. So
 * 1970-01-01T00:00:00Z .. 2286-11-20T17:46:39Z; outside that, a time is refused, never sent.
 */
export const EPOCH_MIN = 0;
export const EPOCH_MAX = 9_999_999_999;

/** Why an instant cannot be sent to Graphite, or null when it can. */
export function epochProblem(epochSeconds: number): string | null {
  if (epochSeconds < EPOCH_MIN) return 'before 1970-01-01, which Graphite cannot represent';
  if (epochSeconds > EPOCH_MAX) return 'after 2286-11-20, which Graphite cannot represent';
  return null;
}

function absolute(epochSeconds: number): ParsedTime {
  const problem = epochProblem(epochSeconds);
  if (problem !== null) throw new TimeSyntaxError(problem);
  return { kind: 'absolute', epochSeconds, graphite: String(epochSeconds) };
}

/** Parses one time expression; throws `TimeSyntaxError` with a short reason. */
export function parseTime(input: string): ParsedTime {
  const text = input.trim();
  if (text.length === 0) throw new TimeSyntaxError('empty time');
  if (text.length > MAX_INPUT_LENGTH) throw new TimeSyntaxError(`longer than ${MAX_INPUT_LENGTH} characters`);
  if (text.toLowerCase() === 'now') return { kind: 'relative', offsetSeconds: 0, graphite: 'now' };

  const offset = OFFSET_RE.exec(text);
  if (offset) return parseOffset(offset[1] ?? '-', offset[2] ?? '');

  // Graphite reads 8 digits that look like a date as YYYYMMDD, not as epoch seconds.
  const date = DATE_RE.exec(text);
  if (date) {
    const year = Number(date[1]);
    const month = Number(date[2]);
    const day = Number(date[3]);
    if (year > 1900 && month < 13 && day < 32) return absolute(utcEpoch(year, month, day, 0, 0));
  }
  if (EPOCH_RE.test(text)) return absolute(Number(text));
  if (/^\d{11,}$/.test(text)) throw new TimeSyntaxError('expected epoch seconds (this looks like milliseconds)');

  const timeDate = TIME_DATE_RE.exec(text);
  if (timeDate) {
    const [, hh, mm, yyyy, mo, dd] = timeDate.map(Number);
    return absolute(utcEpoch(yyyy ?? 0, mo ?? 0, dd ?? 0, hh ?? 0, mm ?? 0));
  }
  throw new TimeSyntaxError(NOT_A_TIME);
}

/** Graphite syntax for `input`, or throws `TimeSyntaxError`. */
export function normaliseTime(input: string): string {
  return parseTime(input).graphite;
}

/** Epoch seconds that `input` denotes when "now" is `nowSeconds`. */
export function resolveTime(input: string, nowSeconds: number): number {
  const parsed = parseTime(input);
  return parsed.kind === 'relative' ? Math.floor(nowSeconds) + parsed.offsetSeconds : parsed.epochSeconds;
}

/** True when the expression moves with the clock (`now`, `-6h`), false for fixed instants. */
export function isRelativeTime(input: string): boolean {
  return parseTime(input).kind === 'relative';
}
