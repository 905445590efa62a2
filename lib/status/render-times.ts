import { nativeStepSeconds } from '@/lib/charts/retention';

/**
 * How a status range is asked of Graphite. A live range (until moves with the clock) is sent as
 * offsets from now ("-3601s"), so that every visitor asks the same query and the render cache
 * coalesces them; a fixed range is sent as epoch seconds.
 *
 * `from` is sent one second early because Graphite's render excludes the bucket that starts
 * exactly at `from`; the exact [from, until) cut is then made on bucket times in
 * lib/stats/series.ts. Except when that second would push the start past an archive's
 * retention ("-24h" -> 86 401 s ago): Graphite would then answer from the next, coarser archive.
 */
export interface RenderWindow {
  from: string;
  until: string;
}

function offset(epoch: number, now: number): string {
  const delta = epoch - now;
  if (delta === 0) return 'now';
  return delta < 0 ? `${delta}s` : `+${delta}s`;
}

export function renderStart(from: number, now: number): number {
  return nativeStepSeconds(from - 1, now) === nativeStepSeconds(from, now) ? from - 1 : from;
}

export function renderWindow(from: number, until: number, live: boolean, now: number): RenderWindow {
  const start = renderStart(from, now);
  return live ? { from: offset(start, now), until: offset(until, now) } : { from: String(start), until: String(until) };
}
