/**
 * How a status range is asked of Graphite. A live range (until moves with the clock) is sent as
 * offsets from now ("-3601s"), so that every visitor asks the same query and the render cache
 * coalesces them; a fixed range is sent as epoch seconds. `from` is sent one second early because
 * Graphite's render excludes the bucket that starts exactly at `from`; the exact [from, until)
 * cut is then made on bucket times in lib/stats/series.ts.
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

export function renderWindow(from: number, until: number, live: boolean, now: number): RenderWindow {
  const start = from - 1;
  return live ? { from: offset(start, now), until: offset(until, now) } : { from: String(start), until: String(until) };
}
