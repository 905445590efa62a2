import { formatDuration } from '@/lib/charts/format';
import { formatUtcDateTime, formatUtcTime, lastWindow } from '@/lib/status/plain-language';

/** Wording and colour classes for the status page; pure so both server and tests use them. */

export type UptimeLevel = 'unknown' | 'full' | 'minor' | 'major' | 'down';

/** Status-page convention: any failed probe makes a day yellow, >1 % red-ish, >10 % red. */
export function uptimeLevel(ratio: number | null): UptimeLevel {
  if (ratio === null) return 'unknown';
  if (ratio >= 1) return 'full';
  if (ratio >= 0.99) return 'minor';
  if (ratio >= 0.9) return 'major';
  return 'down';
}

export function formatPercent(ratio: number | null, digits = 2): string {
  if (ratio === null) return '—';
  const value = ratio * 100;
  return `${value === 100 ? '100' : value.toFixed(digits)} %`;
}

const SAME_DAY = (a: number, b: number) => Math.floor(a / 86_400) === Math.floor(b / 86_400);

/**
 * "2026-11-25 10:42–10:47 UTC (5 minutes)", or for one still open at `at` (the end of the range):
 * "since 2026-11-25 10:42 UTC, ongoing (12 minutes)" when that is now, else "… still going at …".
 */
export function incidentWhen(start: number, end: number | null, at: number, live = true): string {
  if (end === null) {
    return live
      ? `since ${formatUtcDateTime(start)}, ongoing (${formatDuration(at - start)})`
      : `since ${formatUtcDateTime(start)}, still going at ${formatUtcDateTime(at)} (${formatDuration(at - start)} by then)`;
  }
  const endText = SAME_DAY(start, end) ? formatUtcTime(end).replace(' UTC', '') : formatUtcDateTime(end).replace(' UTC', '');
  return `${formatUtcDateTime(start).replace(' UTC', '')}–${endText} UTC (${formatDuration(end - start)})`;
}

/** How a range reads in a sentence: "in the last hour", "between 2026-11-25 10:00 and 12:00 UTC". */
export function rangePhrase(from: number, until: number, live: boolean): string {
  if (live) return `in ${lastWindow(Math.round((until - from) / 60))}`;
  const endText = SAME_DAY(from, until - 1) ? formatUtcTime(until) : formatUtcDateTime(until);
  return `between ${formatUtcDateTime(from).replace(' UTC', '')} and ${endText}`;
}

/** "+50 %", "−25 %", "new" (nothing before), "no change". */
export function formatChange(percent: number | null, current: number): string {
  if (percent === null) return current === 0 ? '—' : 'new';
  if (percent === 0) return 'no change';
  const rounded = Math.round(percent);
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} %`;
}
