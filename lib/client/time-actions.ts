import { formatClock, formatDuration } from '@/lib/charts/format';
import { isRelativeTime, resolveTime } from '@/lib/time-range';

/** Quick ranges of the time picker, in Graphite syntax (what the URL carries). */
export const QUICK_RANGES = [
  { from: '-15min', label: 'Last 15 minutes' },
  { from: '-1h', label: 'Last 1 hour' },
  { from: '-3h', label: 'Last 3 hours' },
  { from: '-6h', label: 'Last 6 hours' },
  { from: '-12h', label: 'Last 12 hours' },
  { from: '-24h', label: 'Last 24 hours' },
  { from: '-2d', label: 'Last 2 days' },
  { from: '-7d', label: 'Last 7 days' },
  { from: '-30d', label: 'Last 30 days' },
  { from: '-90d', label: 'Last 90 days' },
] as const;

export interface TimeRange {
  from: string;
  until: string;
}

export interface ResolvedRange {
  from: number;
  until: number;
}

export function resolveRange(range: TimeRange, nowSeconds: number): ResolvedRange {
  return { from: resolveTime(range.from, nowSeconds), until: resolveTime(range.until, nowSeconds) };
}

/** For drawing axes: a range that cannot be resolved (a mistyped link) shows the last hour. */
export function resolveRangeOrLastHour(range: TimeRange, nowSeconds: number): ResolvedRange {
  try {
    return resolveRange(range, nowSeconds);
  } catch {
    return { from: nowSeconds - 3600, until: nowSeconds };
  }
}

function absolute(r: ResolvedRange): TimeRange {
  return { from: String(Math.floor(r.from)), until: String(Math.ceil(r.until)) };
}

/**
 * Share link: a relative range becomes the epoch seconds it means right now, so the link shows
 * the same window tomorrow. Epoch seconds rather than `HH:MM_YYYYMMDD` because the latter is read
 * in graphite-web's time zone, which the person opening the link does not know.
 */
export function lockRange(range: TimeRange, nowSeconds: number): TimeRange {
  if (!isRelativeTime(range.from) && !isRelativeTime(range.until)) return range;
  return absolute(resolveRange(range, nowSeconds));
}

/** Move the window by half its width; never past now (there is nothing to see there). */
export function shiftRange(range: TimeRange, direction: -1 | 1, nowSeconds: number): TimeRange {
  const r = resolveRange(range, nowSeconds);
  const width = r.until - r.from;
  let until = r.until + (direction * width) / 2;
  if (until > nowSeconds) until = nowSeconds;
  return absolute({ from: until - width, until });
}

/** Drag-to-zoom and category clicks: an absolute window, at least one minute wide. */
export function zoomRange(fromSeconds: number, untilSeconds: number): TimeRange {
  const from = Math.min(fromSeconds, untilSeconds);
  const until = Math.max(fromSeconds, untilSeconds, from + 60);
  return absolute({ from, until });
}

/** "Last 6 hours", or "25 Nov 2026, 10:00 → 12:30" for absolute ranges. */
export function describeRange(range: TimeRange, nowSeconds: number, timeZone?: string): string {
  const until = range.until.trim().toLowerCase();
  if (until === 'now') {
    const quick = QUICK_RANGES.find((q) => q.from === range.from);
    if (quick) return quick.label;
  }
  try {
    const r = resolveRange(range, nowSeconds);
    if (isRelativeTime(range.from) && until === 'now') return `Last ${formatDuration(r.until - r.from, 'short')}`;
    return `${formatClock(r.from, { withDate: true, timeZone })} → ${formatClock(r.until, { withDate: true, timeZone })}`;
  } catch {
    return `${range.from} → ${range.until}`;
  }
}
