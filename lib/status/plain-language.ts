import { formatDuration } from '@/lib/charts/format';

/** Small wording helpers so every sentence on the status page reads the same way. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "the last 15 minutes", "the last hour", "the last 24 hours". */
export function lastWindow(minutes: number): string {
  if (minutes === 60) return 'the last hour';
  if (minutes === 1) return 'the last minute';
  return `the last ${formatDuration(minutes * 60)}`;
}

/** Seconds as a short wait: "850 ms", "4.2 s", "2 min 5 s". */
export function formatWait(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  const m = Math.floor(seconds / 60);
  const rest = Math.round(seconds - m * 60);
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

/** UTC time as "11:42 UTC" (the server renders; it does not know the reader's time zone). */
export function formatUtcTime(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().slice(11, 16)} UTC`;
}

export function formatUtcDateTime(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
