import { parseTime, TimeSyntaxError } from '@/lib/time-range';

/** [from, until) in epoch seconds. */
export interface TimeWindow {
  from: number;
  until: number;
}

export interface ImpactWindows {
  before: TimeWindow;
  after: TimeWindow;
  /** The same two windows one week earlier: a class's usage is weekly. */
  baselineBefore: TimeWindow;
  baselineAfter: TimeWindow;
  /** The after window has not fully happened yet; it (and its baseline) end at `now`. */
  partial: boolean;
}

export const WEEK_SECONDS = 7 * 86_400;
export const MIN_WINDOW_SECONDS = 10 * 60;
export const MAX_WINDOW_SECONDS = WEEK_SECONDS;
export const DEFAULT_WINDOW = '2h';

export class ImpactWindowError extends Error {
  override name = 'ImpactWindowError';
  readonly field = 'window';
}

/**
 * The `window` of the impact page and API, in Graphite's duration syntax (`2h`, `30min`, `7d`,
 * `1h30min`; Grafana's `30m` is minutes too), 10 minutes to 7 days; absent means 2 hours.
 * Errors start with `window:` so the route can answer 400 naming the field.
 */
export function parseImpactWindow(text: string | null | undefined): number {
  const raw = (text ?? DEFAULT_WINDOW).trim();
  if (!/^\d/.test(raw)) throw new ImpactWindowError(`window: "${raw.slice(0, 20)}" is not a duration (e.g. 2h, 30min, 1h30min)`);
  let seconds: number;
  try {
    const parsed = parseTime(`-${raw}`);
    if (parsed.kind !== 'relative') throw new TimeSyntaxError('not a duration');
    seconds = -parsed.offsetSeconds;
  } catch (error) {
    const why = error instanceof TimeSyntaxError ? error.message : 'not a duration';
    throw new ImpactWindowError(`window: "${raw.slice(0, 20)}" is not a duration (${why})`);
  }
  if (seconds < MIN_WINDOW_SECONDS || seconds > MAX_WINDOW_SECONDS) {
    throw new ImpactWindowError(`window: ${raw.slice(0, 20)} is out of bounds (10min to 7d)`);
  }
  return seconds;
}

const shift = (window: TimeWindow, by: number): TimeWindow => ({ from: window.from + by, until: window.until + by });

/**
 * The four windows of a deployment at `when`. Epoch seconds throughout, so "one week earlier" is
 * exactly 604 800 s whatever daylight saving did in between.
 */
export function impactWindows(when: number, windowSeconds: number, now: number): ImpactWindows {
  const end = when + windowSeconds;
  const partial = now < end;
  const after = { from: when, until: partial ? Math.max(when, Math.floor(now)) : end };
  const before = { from: when - windowSeconds, until: when };
  return {
    before,
    after,
    baselineBefore: shift(before, -WEEK_SECONDS),
    baselineAfter: shift(after, -WEEK_SECONDS),
    partial,
  };
}
