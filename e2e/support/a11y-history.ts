import { binName, counterPath, gaugePath, histogramPattern, type TimerKey, timerPath } from '../../lib/catalog';
import { sendCarbon } from './browser';

/**
 * Eight hours of a throw-away hub's history, written to carbon at 10 s steps, with phases chosen so
 * that four deployments get four different verdicts in the default 2 h window (the one the list's
 * badges use): failed starts are 0 % in the calm phases and 50 % from 4 h to 2 h ago; waits and
 * requests stay the same throughout. With the recent deployment (not enough data yet) and a
 * restart, every badge a deployment can carry is on the page, and the failing phase is an incident
 * on the status page. Histogram bins that stay 0 are left out, as Graphite leaves out a series
 * without points.
 */

export const STEP = 10;
export const HISTORY_MINUTES = 8 * 60;
/** Minutes before `t0` where each deployment sits (the phases on each side decide its verdict). */
export const A11Y_DEPLOYMENTS = [
  { at: 360, kind: 'deploy', what: 'Image 2026.10 (no change)' },
  { at: 240, kind: 'deploy', what: 'Image 2026.11 (worse)' },
  { at: 120, kind: 'deploy', what: 'Image 2026.11.1 (better)' },
  { at: 60, kind: 'restart', what: 'Hub restarted' },
  { at: 1, kind: 'deploy', what: 'Image 2026.12 (too recent)' },
] as const;

const FAILING = { fromMinutes: 240, untilMinutes: 120 };

/** `stats.timers.jupyterhub.<hub>.<key>.histogram`, where StatsD writes a timer's bins. */
const histogram = (hub: string, key: TimerKey) => histogramPattern(hub, key).replace(/\.bin_\*$/, '');

function linesAt(hub: string, ts: number, failing: boolean): string[] {
  const line = (path: string, value: number) => `${path} ${value} ${ts}`;
  return [
    line(gaugePath(hub, 'hub.up'), 1),
    line(gaugePath(hub, 'hub.health_ms'), 8 + ((ts / STEP) % 5)),
    line(gaugePath(hub, 'servers.running'), 20 + ((ts / STEP) % 7)),
    line(gaugePath(hub, 'users.total'), 40),
    line(counterPath(hub, 'logins.success'), 1),
    line(counterPath(hub, 'logins.failure'), failing ? 1 : 0),
    line(counterPath(hub, 'spawns.success'), 1),
    line(counterPath(hub, 'spawns.failure.error'), failing ? 1 : 0),
    line(counterPath(hub, 'spawns.throttled'), failing ? 1 : 0),
    line(counterPath(hub, 'servers.stopped'), 1),
    line(counterPath(hub, 'requests.status.200'), 5),
    line(counterPath(hub, 'requests.status.503'), failing ? 1 : 0),
    line(counterPath(hub, 'proxy.errors.503'), failing ? 1 : 0),
    line(timerPath(hub, 'spawns.duration', 'count'), 1),
    line(timerPath(hub, 'spawns.duration', 'median'), 2500),
    line(timerPath(hub, 'spawns.duration', 'upper_90'), 2500),
    line(`${histogram(hub, 'spawns.duration')}.${binName(3000)}`, 1),
    line(timerPath(hub, 'requests.duration', 'count'), 5),
    line(timerPath(hub, 'requests.duration', 'median'), 20),
    line(`${histogram(hub, 'requests.duration')}.${binName(25)}`, 5),
  ];
}

/** Writes the hub's history, ending at `t0` (a multiple of STEP). */
export async function writeA11yHistory(hub: string, t0: number): Promise<void> {
  const lines: string[] = [];
  for (let ts = t0 - HISTORY_MINUTES * 60; ts <= t0; ts += STEP) {
    const minutesBefore = (t0 - ts) / 60;
    lines.push(...linesAt(hub, ts, minutesBefore <= FAILING.fromMinutes && minutesBefore > FAILING.untilMinutes));
  }
  await sendCarbon(lines);
}
