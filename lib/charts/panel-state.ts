import type { Series } from '@/lib/shared/series';
import { lastDataAt } from './legend-stats';
import { seriesStepSeconds } from './retention';

export type PanelStatus = 'loading' | 'error' | 'empty' | 'ok';

/** What a panel shows: data beats errors (kept data is shown, marked stale). */
export function panelStatus(input: { series: readonly Series[] | undefined; isLoading: boolean; error: unknown }): PanelStatus {
  const { series, error } = input;
  if (series === undefined) return error ? 'error' : 'loading';
  return lastDataAt(series) === null ? 'empty' : 'ok';
}

/** StatsD flushes every 10 s; a few missed flushes are normal lag, not silence. */
export const SILENCE_MIN_SECONDS = 60;

/**
 * When a live range's data stopped well before its end, the time of the last value ("no data
 * from this hub since 10:42"); null when the data is current or the range is in the past.
 */
export function silentSince(series: readonly Series[], untilSeconds: number, live: boolean): number | null {
  if (!live) return null;
  const last = lastDataAt(series);
  if (last === null) return null;
  const step = series.reduce((widest, s) => Math.max(widest, seriesStepSeconds(s.datapoints) ?? 0), 0);
  const allowed = Math.max(SILENCE_MIN_SECONDS, 3 * step);
  // A point's timestamp is its bucket start, so the bucket covers [last, last + step).
  return untilSeconds - (last + step) > allowed ? last : null;
}
