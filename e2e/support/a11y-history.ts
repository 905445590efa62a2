import { binName, counterPath, gaugePath, histogramBins, timerPath } from '../../lib/catalog';
import { sendCarbon } from './browser';

/**
 * An hour of a throw-away hub's history, written to carbon at 10 s steps, with phases chosen so
 * that four deployments get four different verdicts (window 10min): failed starts are 0 % in
 * `calm` phases and 50 % in the `failing` one; waits and requests stay the same throughout. With
 * the recent deployment (not enough data yet) and a restart, every badge a deployment can carry
 * is on the page, and the failing phase is an incident on the status page.
 */

export const STEP = 10;
/** Minutes before `t0` where each deployment sits, and the phase on each side of it. */
export const A11Y_DEPLOYMENTS = [
  { at: 50, kind: 'deploy', what: 'Image 2026.10 (no change)' },
  { at: 30, kind: 'deploy', what: 'Image 2026.11 (worse)' },
  { at: 20, kind: 'deploy', what: 'Image 2026.11.1 (better)' },
  { at: 15, kind: 'restart', what: 'Hub restarted' },
  { at: 1, kind: 'deploy', what: 'Image 2026.12 (too recent)' },
] as const;

const HISTORY_MINUTES = 60;
const FAILING = { fromMinutes: 30, untilMinutes: 20 };

function linesAt(hub: string, ts: number, failing: boolean): string[] {
  const spawnBins = histogramBins('spawns.duration');
  const requestBins = histogramBins('requests.duration');
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
    ...spawnBins.map((bound) => line(`${timerPath(hub, 'spawns.duration', 'count').replace(/count$/, 'histogram')}.${binName(bound)}`, bound === 3000 ? 1 : 0)),
    line(timerPath(hub, 'requests.duration', 'count'), 5),
    line(timerPath(hub, 'requests.duration', 'median'), 20),
    ...requestBins.map((bound) => line(`${timerPath(hub, 'requests.duration', 'count').replace(/count$/, 'histogram')}.${binName(bound)}`, bound === 25 ? 5 : 0)),
  ];
}

/** Writes the hub's last hour, ending at `t0` (a multiple of STEP). */
export async function writeA11yHistory(hub: string, t0: number): Promise<void> {
  const lines: string[] = [];
  for (let ts = t0 - HISTORY_MINUTES * 60; ts <= t0; ts += STEP) {
    const minutesBefore = (t0 - ts) / 60;
    lines.push(...linesAt(hub, ts, minutesBefore <= FAILING.fromMinutes && minutesBefore > FAILING.untilMinutes));
  }
  await sendCarbon(lines);
}
