import { nativeStepSeconds, RETENTION_ARCHIVES } from '@/lib/charts/retention';

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
  // A lookback (the previous range, 90 days of uptime) may reach before 1970: there is no data
  // there, and a negative epoch would be read by Graphite as an offset from now.
  const start = Math.max(0, renderStart(from, now));
  const end = Math.max(start + 1, until);
  return live ? { from: offset(start, now), until: offset(end, now) } : { from: String(start), until: String(end) };
}

/**
 * Start of a long lookback (the incidents' 7 days) that keeps `mustCover` at the finest archive
 * still holding it: for a range that ended in the past, 7 days back would reach past the 1-minute
 * archive, and Graphite would answer everything, the verdict window included, in 10-minute
 * buckets. The lookback is shortened instead.
 */
export function finestStart(wanted: number, mustCover: number, now: number): number {
  // The archive a live lookback of this length gets, or a coarser one if that one no longer holds mustCover.
  const archive = RETENTION_ARCHIVES.find((a) => a.keepSeconds >= mustCover - wanted && now - mustCover <= a.keepSeconds);
  if (archive === undefined) return wanted;
  return Math.max(wanted, now - archive.keepSeconds + 60);
}
