import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusResponseSchema } from '@/lib/api/status';
import { binName, counterFamilyPattern, counterPath, gaugePath, histogramPattern } from '@/lib/catalog';
import { DEFAULT_THRESHOLDS } from '@/lib/config/status';
import type { Datapoint, SeriesLike } from '@/lib/stats/series';
import { computeStatus } from '@/lib/status/compute-status';

const hub = 'class1';
const step = 10;
const until = 1_800_003_600;
const from = until - 3600;
const previousFrom = from - 3600;

/** A per-flush series over [start, end) with `events` placed at the given bucket times. */
function flushes(start: number, end: number, events: Record<number, number> = {}): Datapoint[] {
  const points: Datapoint[] = [];
  for (let ts = start; ts < end; ts += step) points.push([events[ts] ?? 0, ts]);
  return points;
}
const series = (target: string, datapoints: Datapoint[]): SeriesLike => ({ target, tags: { name: target }, datapoints });

function renderCounts(start: number, end: number, events: Record<string, Record<number, number>>): SeriesLike[] {
  // Graphite returns the bucket at `end` too (render until includes it); the computation must drop it.
  return Object.entries(events).map(([path, e]) => series(path, flushes(start, end + step, e)));
}

const spawnBins = `${histogramPattern(hub, 'spawns.duration').slice(0, -'bin_*'.length)}`;
const statusOf = (code: string) => counterFamilyPattern(hub, 'requests.status', code);

const current = renderCounts(from, until, {
  [counterPath(hub, 'spawns.success')]: { [from]: 30, [from + 600]: 7 },
  [counterPath(hub, 'spawns.failure.exited')]: { [from + 1200]: 2 },
  [counterPath(hub, 'spawns.failure.timeout')]: { [until - 60]: 1 },
  [counterPath(hub, 'spawns.throttled')]: { [from + 100]: 4 },
  [counterPath(hub, 'logins.failure')]: { [from + 50]: 1, [until]: 99 }, // the bucket at until is out of range
  [statusOf('200')]: { [from]: 500 },
  [statusOf('424')]: { [from + 10]: 1 },
  [statusOf('500')]: { [from + 20]: 2 },
  // one of those 500s answered a start, already counted as process_exited
  [counterPath(hub, 'requests.spawn_5xx')]: { [from + 20]: 1 },
  [statusOf('503')]: { [from + 30]: 1 },
  [counterFamilyPattern(hub, 'proxy.errors', '503')]: { [from + 40]: 1 },
  [`${spawnBins}${binName(3000)}`]: { [from]: 30 },
  [`${spawnBins}${binName(10000)}`]: { [from + 600]: 7 },
  [`${spawnBins}${binName(Infinity)}`]: {},
});
const previous = renderCounts(previousFrom, from, {
  [counterPath(hub, 'spawns.failure.exited')]: { [previousFrom]: 1 },
  [counterPath(hub, 'logins.failure')]: { [previousFrom + 10]: 2 },
  [counterPath(hub, 'spawns.success')]: { [from]: 1000 }, // belongs to the current range, not this one
});
const stateStart = until - 7 * 86_400;
const minute = (end: number, value: (ts: number) => number | null): Datapoint[] => {
  const points: Datapoint[] = [];
  for (let ts = stateStart; ts <= end; ts += 60) points.push([value(ts), ts]);
  return points;
};
const state = [
  series(
    gaugePath(hub, 'hub.up'),
    minute(until, (ts) => (ts >= until - 86_400 && ts < until - 86_400 + 600 ? 0 : 1)),
  ),
  series(
    gaugePath(hub, 'hub.health_ms'),
    minute(until, () => 25),
  ),
  series(
    gaugePath(hub, 'servers.running'),
    minute(until, (ts) => (ts < until - 60 ? 12 : 11)),
  ),
  series(
    counterPath(hub, 'spawns.success'),
    minute(until, (ts) => (ts >= until - 900 ? 1 : 0)),
  ),
  series(
    counterPath(hub, 'spawns.failure.timeout'),
    minute(until, (ts) => (ts === until - 60 ? 1 : 0)),
  ),
];

const result = computeStatus({ hub, from, until, now: until + 5, current, previous, state, uptime: [] }, DEFAULT_THRESHOLDS);

test('the response matches its documented schema', () => {
  assert.doesNotThrow(() => statusResponseSchema.parse(result));
});

test('counts are exact sums over [from, until)', () => {
  assert.equal(result.spawns.success, 37);
  assert.equal(result.spawns.failed, 3);
  assert.deepEqual(result.spawns.failureByReason, { error: 0, exited: 2, timeout: 1, http_timeout: 0 });
  assert.equal(result.spawns.throttled, 4);
  assert.equal(result.logins.failure, 1);
  assert.deepEqual(result.requests.byStatus, { '200': 500, '424': 1, '500': 2, '503': 1 });
  assert.equal(result.requests.total, 504);
});

test('errors by category, share and change vs the previous range', () => {
  const c = result.errors.byCategory;
  assert.equal(c.process_exited.count, 2);
  assert.equal(c.process_exited.previous, 1);
  assert.equal(c.process_exited.changePercent, 100);
  assert.equal(c.failed_login.changePercent, -50);
  assert.equal(c.server_not_running.count, 1);
  assert.equal(c.hub_5xx.count, 2, 'the 500 and the 503, not the 500 that answered a failed start');
  assert.equal(c.proxy_503.count, 1);
  assert.equal(c.throttled.count, 4);
  assert.equal(c.start_timeout.changePercent, null);
  assert.equal(result.errors.total, 2 + 1 + 4 + 1 + 2 + 1 + 1);
  assert.equal(c.throttled.share, 4 / result.errors.total);
});

test('wait quantiles come from the summed histogram', () => {
  // 30 starts in [2 s, 3 s), 7 in [7.5 s, 10 s): median in the first bin, p95 in the second.
  assert.equal(result.spawns.waitSeconds.samples, 37);
  assert.equal(result.spawns.waitSeconds.p50, 2.617);
  const p95 = result.spawns.waitSeconds.p95;
  assert.ok(p95 !== null && p95 > 7.5 && p95 < 10, `p95 ${p95}`);
});

test('verdict at the end of the range, incidents from the lookback, gauges last value', () => {
  // 1 timeout among 15 successes in the last 15 minutes = 6.25 % > 5 %.
  assert.equal(result.verdict, 'Degraded');
  assert.equal(result.reason, '1 of 16 server starts failed in the last 15 minutes.');
  assert.equal(result.servers.running, 11);
  assert.equal(result.hub.up, 1);
  assert.equal(result.incidents.length, 2);
  assert.equal(result.incidents[0]?.verdict, 'Degraded');
  assert.equal(result.incidents[0]?.end, null);
  assert.deepEqual(
    { start: result.incidents[1]?.start, end: result.incidents[1]?.end, verdict: result.incidents[1]?.verdict },
    { start: until - 86_400, end: until - 86_400 + 600, verdict: 'Down' },
  );
});

test('a past range words the window with its end time', () => {
  const past = computeStatus({ hub, from, until, now: until + 86_400, current, previous, state, uptime: [] }, DEFAULT_THRESHOLDS);
  assert.match(past.reason, /in the 15 minutes up to \d\d:\d\d UTC\.$/);
});

test('a gauge that stopped reporting reads as unknown, not as its value from hours ago', () => {
  // The collector's users-API source stopped an hour ago: StatsD dropped the gauges since.
  const silent = (ts: number) => (ts < until - 3600 ? 38 : null);
  const stale = [
    ...state.filter((s) => !s.target.endsWith('servers.running')),
    series(gaugePath(hub, 'servers.running'), minute(until, silent)),
    series(gaugePath(hub, 'users.total'), minute(until, silent)),
  ];
  const status = computeStatus({ hub, from, until, now: until + 5, current, previous, state: stale, uptime: [] }, DEFAULT_THRESHOLDS);
  assert.equal(status.servers.running, null);
  assert.equal(status.users.total, null);
  assert.equal(status.hub.healthMs, 25, 'a fresh gauge is still shown');
  const fresh = computeStatus(
    {
      hub,
      from,
      until,
      now: until + 5,
      current,
      previous,
      state: [
        ...state,
        series(
          gaugePath(hub, 'users.total'),
          minute(until, () => 40),
        ),
      ],
      uptime: [],
    },
    DEFAULT_THRESHOLDS,
  );
  assert.equal(fresh.users.total, 40);
});
