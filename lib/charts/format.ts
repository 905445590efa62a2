/**
 * How every number of hubwatch reads, in a chart, a table or a sentence: one formatValue, one
 * formatCount, one formatDuration, so the same value never reads two ways on two pages.
 *
 * A value's unit drives axis labels, tooltips, the legend and the impact table: `ratio` is a
 * share 0..1 shown as a percentage, `per_server_hour` events per running server-hour.
 */
export type ValueUnit =
  | 'count'
  | 'per_second'
  | 'per_minute'
  | 'ms'
  | 'seconds'
  | 'bool'
  | 'percent'
  | 'ratio'
  | 'per_server_hour'
  | 'bytes'
  | 'none';

const compact = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
// Crash rates are small (0.004 per server-hour): a third decimal keeps them from reading 0.
const fine = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** `missing` is what a value without data reads as: a dash in a cell, words in a sentence. */
export function formatValue(value: number | null, unit: ValueUnit, missing = '–'): string {
  if (value === null || !Number.isFinite(value)) return missing;
  switch (unit) {
    case 'ms':
      return value >= 1000 ? `${compact.format(value / 1000)} s` : `${compact.format(value)} ms`;
    case 'seconds':
      return `${compact.format(value)} s`;
    case 'per_second':
      return `${compact.format(value)}/s`;
    case 'per_minute':
      return `${compact.format(value)}/min`;
    case 'percent':
      return `${compact.format(value)} %`;
    case 'ratio':
      return `${compact.format(value * 100)} %`;
    case 'per_server_hour':
      return `${fine.format(value)} per server-hour`;
    case 'bool':
      // A 0/1 gauge averaged over time is the share of time up.
      if (value === 1 || value === 0) return value === 1 ? 'up' : 'down';
      return `${compact.format(value * 100)} % up`;
    case 'bytes':
      return formatBytes(value);
    case 'count':
    case 'none':
      return compact.format(value);
  }
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Binary multiples, as memory and disk tools print them: "1.5 MiB". */
function formatBytes(value: number): string {
  let scaled = value;
  let unit = 0;
  while (Math.abs(scaled) >= 1024 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return `${compact.format(scaled)} ${BYTE_UNITS[unit]}`;
}

/** A whole count as "1,234"; a fractional one (an average) with one decimal. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1);
}

const DURATION_WORDS = {
  long: { second: [' second', ' seconds'], minute: [' minute', ' minutes'], hour: [' hour', ' hours'], day: [' day', ' days'] },
  short: { second: [' s', ' s'], minute: [' min', ' min'], hour: [' h', ' h'], day: [' d', ' d'] },
} as const;

/**
 * A length of time in whole units: "45 seconds", "4 minutes", "2 hours 5 minutes", "3 days"
 * (`long`, for sentences), or the same as "45 s", "4 min", "2 h 5 min", "3 d" (`short`, for
 * chart steps and range labels). Hours up to two days, so "36 hours" is not rounded to a day.
 */
export function formatDuration(seconds: number, style: 'long' | 'short' = 'long'): string {
  const words = DURATION_WORDS[style];
  const unit = (n: number, name: keyof typeof words) => `${n}${words[name][n === 1 ? 0 : 1]}`;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return unit(s, 'second');
  const minutes = Math.round(s / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
  return unit(Math.round(hours / 24), 'day');
}

/** Wall-clock time in the viewer's zone (or `timeZone`, for tests): "10:42", or with the date. */
export function formatClock(epochSeconds: number, opts: { withDate?: boolean; timeZone?: string } = {}): string {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(opts.withDate ? { year: 'numeric', month: 'short', day: 'numeric' } : {}),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  });
  return fmt.format(new Date(epochSeconds * 1000));
}
