import type { Datapoint } from '@/lib/stats/series';

export interface UptimeDay {
  /** UTC calendar day, YYYY-MM-DD. */
  day: string;
  /** Share of the day's health results that were "up"; null when the day has none (not monitored). */
  upRatio: number | null;
  /** Number of health results seen that day. */
  samples: number;
  /** Minutes covered by failed health results. */
  downMinutes: number;
  /** No health results, but the day was imported from the hub's past logs (backfill): not an outage. */
  imported: boolean;
}

const DAY = 86_400;

function inferStep(points: readonly Datapoint[]): number {
  const first = points[0];
  const second = points[1];
  return first && second ? second[1] - first[1] : 600;
}

/**
 * One bar per UTC day, oldest first, ending with the day that contains `until`. A point is the
 * share of probes that succeeded in its bucket (carbon rolls `hub.up` up by average), so a
 * 3-minute outage inside a 10-minute bucket still counts as 3 minutes down.
 */
export function uptimeByDay(up: readonly Datapoint[], until: number, days = 90, imported: readonly Datapoint[] = []): UptimeDay[] {
  const step = inferStep(up);
  const lastDay = Math.floor((until - 1) / DAY);
  const firstDay = lastDay - days + 1;
  const samples = new Array<number>(days).fill(0);
  const upCount = new Array<number>(days).fill(0);
  for (const [value, ts] of up) {
    if (value === null || !Number.isFinite(value)) continue;
    const index = Math.floor(ts / DAY) - firstDay;
    if (index < 0 || index >= days) continue;
    samples[index] = (samples[index] ?? 0) + 1;
    upCount[index] = (upCount[index] ?? 0) + Math.min(1, Math.max(0, value));
  }
  const importedDays = new Set<number>();
  for (const [value, ts] of imported) if (value !== null) importedDays.add(Math.floor(ts / DAY) - firstDay);
  return samples.map((count, index) => {
    const ups = upCount[index] ?? 0;
    return {
      day: new Date((firstDay + index) * DAY * 1000).toISOString().slice(0, 10),
      upRatio: count === 0 ? null : ups / count,
      samples: count,
      downMinutes: Math.round(((count - ups) * step) / 60),
      imported: count === 0 && importedDays.has(index),
    };
  });
}

/** Overall share of "up" health results across the bars; null without any data. */
export function overallUptime(days: readonly UptimeDay[]): number | null {
  let samples = 0;
  let ups = 0;
  for (const day of days) {
    if (day.upRatio === null) continue;
    samples += day.samples;
    ups += day.upRatio * day.samples;
  }
  return samples === 0 ? null : ups / samples;
}
