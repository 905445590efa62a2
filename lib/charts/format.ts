/** How a panel's values read: the unit drives axis labels, tooltips and the legend. */
export type ValueUnit = 'count' | 'per_second' | 'per_minute' | 'ms' | 'seconds' | 'bool' | 'percent' | 'bytes' | 'none';

const compact = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function formatValue(value: number | null, unit: ValueUnit): string {
  if (value === null || !Number.isFinite(value)) return '–';
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

/** "10 s", "5 min", "2 h", "3 d": for steps and range widths. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8640) / 10} d`;
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
