import assert from 'node:assert/strict';
import { test } from 'node:test';
import { impactResponseSchema } from '@/lib/api/impact';
import { binName, counterPath, familyKey, gaugePath, histogramPattern, spawnFailureKey, type TimerKey } from '@/lib/catalog';
import { DEFAULT_IMPACT_CONFIG } from '@/lib/config/impact';
import type { Deployment } from '@/lib/deployments/types';
import { type MetricStore, record, renderFrom } from '@/lib/graphite/testing/render-subset';
import type { RenderQuery } from '@/lib/graphite/types';
import { getImpact } from '@/lib/impact/get-impact';
import type { SeriesLike } from '@/lib/stats/series';

// Real judge, real statistics; only Graphite is stood in for (lib/graphite/testing/render-subset.ts):
// the test writes each window's traffic to the paths the collector's keys land on (lib/catalog),
// and the stand-in evaluates whatever targets the judge asks. A wrong path, glob or function in
// the judge's targets reads nothing, or the wrong numbers, and these tests fail.

const HOUR = 3600;
const WEEK = 7 * 86_400;
const WHEN = 1_795_600_800; // a Tuesday 10:00 UTC, on a minute boundary
const W = 2 * HOUR;
const HUB = 'physics';

const deployment = (kind: Deployment['kind'] = 'deploy'): Deployment => ({
  id: 7,
  when: WHEN,
  hub: HUB,
  what: 'New user image 2026.11',
  version: '2026.11',
  commit: null,
  author: null,
  link: null,
  source: 'api',
  kind,
});

/** One window's traffic as a hub would produce it. */
interface Traffic {
  starts?: number;
  failed?: number;
  turnedAway?: number;
  /** Successful starts per spawn-wait bin bound (ms). */
  waits?: Record<number, number>;
  requests?: number;
  status5xx?: number;
  spawn5xx?: number;
  latency?: Record<number, number>;
  crashes?: number;
  /** Servers running, at every point of the window that reported. */
  running?: number;
  /** Share of the window's 10 s points at which the running gauge reported (default all). */
  runningCoverage?: number;
  logins?: number;
  failedLogins?: number;
}

const binPath = (timer: TimerKey, bound: number) => histogramPattern(HUB, timer).replace(/bin_\*$/, binName(bound));

/**
 * Writes a window's traffic as StatsD would have flushed it: counters once, the gauge every 10 s
 * flush of the part of the window the collector reported (`runningCoverage`, the last part).
 */
function write(store: MetricStore, window: { from: number; until: number }, t: Traffic): void {
  const at = window.from + 600; // one flush inside the window carries the counts
  const count = (path: string, n: number) => n > 0 && record(store, path, at, n);
  const failed = t.failed ?? 0;
  count(counterPath(HUB, 'spawns.success'), (t.starts ?? 0) - failed);
  // Failures of two reasons: the judge must sum every reason.
  count(counterPath(HUB, spawnFailureKey('error')), Math.ceil(failed / 2));
  count(counterPath(HUB, spawnFailureKey('timeout')), Math.floor(failed / 2));
  count(counterPath(HUB, 'spawns.throttled'), t.turnedAway ?? 0);
  const status5xx = t.status5xx ?? 0;
  // 404s are requests but not Hub 5xx: the judge's 5xx glob must leave them out.
  const notFound = Math.min(10, (t.requests ?? 0) - status5xx);
  count(counterPath(HUB, familyKey('requests.status', 200)), (t.requests ?? 0) - status5xx - notFound);
  count(counterPath(HUB, familyKey('requests.status', 404)), notFound);
  count(counterPath(HUB, familyKey('requests.status', 503)), status5xx);
  count(counterPath(HUB, 'requests.spawn_5xx'), t.spawn5xx ?? 0);
  count(counterPath(HUB, 'servers.crashed'), t.crashes ?? 0);
  count(counterPath(HUB, 'logins.success'), (t.logins ?? 0) - (t.failedLogins ?? 0));
  count(counterPath(HUB, 'logins.failure'), t.failedLogins ?? 0);
  for (const [bound, n] of Object.entries(t.waits ?? {})) count(binPath('spawns.duration', Number(bound)), n);
  for (const [bound, n] of Object.entries(t.latency ?? {})) count(binPath('requests.duration', Number(bound)), n);
  if (t.running !== undefined) {
    const reportedFrom = window.until - Math.round(((window.until - window.from) * (t.runningCoverage ?? 1)) / 10) * 10;
    for (let m = reportedFrom; m < window.until; m += 10) record(store, gaugePath(HUB, 'servers.running'), m, t.running);
  }
}

interface Scenario {
  before: Traffic;
  after: Traffic;
  baselineBefore?: Traffic;
  baselineAfter?: Traffic;
}

/** graphite-web's render over the metrics the scenario wrote; every query is kept. */
function graphite(scenario: Scenario) {
  const store: MetricStore = new Map();
  write(store, { from: WHEN - W, until: WHEN }, scenario.before);
  write(store, { from: WHEN, until: WHEN + W }, scenario.after);
  if (scenario.baselineBefore) write(store, { from: WHEN - WEEK - W, until: WHEN - WEEK }, scenario.baselineBefore);
  if (scenario.baselineAfter) write(store, { from: WHEN - WEEK, until: WHEN - WEEK + W }, scenario.baselineAfter);
  const queries: RenderQuery[] = [];
  const answer = renderFrom(store);
  const render = async (query: RenderQuery): Promise<SeriesLike[]> => {
    queries.push(query);
    return answer(query);
  };
  return { render, queries };
}

const typical: Traffic = {
  starts: 60,
  failed: 2,
  waits: { 3000: 40, 5000: 18 },
  requests: 5000,
  status5xx: 5,
  latency: { 50: 4000, 100: 900, 250: 100 },
  crashes: 1,
  running: 40,
  logins: 70,
  failedLogins: 3,
};

async function judge(scenario: Scenario, kind: Deployment['kind'] = 'deploy', now = WHEN + 10 * HOUR) {
  const fake = graphite(scenario);
  const result = await getImpact(deployment(kind), { windowSeconds: W, now, render: fake.render, config: DEFAULT_IMPACT_CONFIG });
  impactResponseSchema.parse(result);
  return { result, queries: fake.queries };
}

test('a deployment that slows spawns by ~5 s: spawn wait worse, by about the delay', async () => {
  const slow: Traffic = { ...typical, waits: { 10000: 40, 15000: 18 } };
  const { result, queries } = await judge({ before: typical, after: slow, baselineBefore: typical, baselineAfter: typical });
  assert.equal(result.verdict, 'worse');
  assert.equal(result.measures.spawnWaitP50.verdict, 'worse');
  assert.equal(result.measures.spawnWaitP95.verdict, 'worse');
  const change = result.measures.spawnWaitP50.change ?? 0;
  assert.ok(change > 4000 && change < 8000, `median moved by ${change} ms`);
  assert.equal(result.measures.spawnFailureRate.verdict, 'no_change');
  assert.equal(result.comparison, 'before_and_last_week');
  assert.match(result.reason, /^Worse: median wait to start worse: /);
  // Two renders, absolute epoch seconds, one per pair of windows, the second exactly a week back.
  assert.equal(queries.length, 2);
  assert.deepEqual(
    queries.map((q) => [q.from, q.until]),
    [
      [String(WHEN - W - 1), String(WHEN + W)],
      [String(WHEN - WEEK - W - 1), String(WHEN - WEEK + W)],
    ],
  );
});

test('the class doubles with the same failure share: not worse', async () => {
  const doubled: Traffic = {
    starts: 120,
    failed: 4,
    waits: { 3000: 80, 5000: 36 },
    requests: 10_000,
    status5xx: 10,
    latency: { 50: 8000, 100: 1800, 250: 200 },
    crashes: 2,
    running: 80,
    logins: 140,
    failedLogins: 6,
  };
  const { result } = await judge({ before: typical, after: doubled, baselineBefore: typical, baselineAfter: typical });
  assert.equal(result.verdict, 'no_change');
  for (const measure of Object.values(result.measures)) assert.notEqual(measure.verdict, 'worse');
  assert.equal(result.measures.spawnFailureRate.change, 4 / 120 - 2 / 60);
});

test('zero failed starts before, many after: worse, with numbers, never N/A', async () => {
  const clean: Traffic = { ...typical, failed: 0 };
  const broken: Traffic = { ...typical, failed: 20 };
  const { result } = await judge({ before: clean, after: broken, baselineBefore: clean, baselineAfter: clean });
  const m = result.measures.spawnFailureRate;
  assert.equal(m.verdict, 'worse');
  assert.equal(m.before, 0);
  assert.equal(m.after, 20 / 60);
  assert.equal(m.relativeChange, null);
  assert.ok(m.pValue !== null && m.pValue < 0.001, `p = ${m.pValue}`);
  assert.ok((m.change ?? 0) > 0, 'the change shown points the way of the verdict');
  assert.equal(result.verdict, 'worse');
});

test('a tiny sample is not_enough_data and says how many more starts are needed', async () => {
  const few: Traffic = { starts: 5, failed: 0, waits: { 3000: 5 } };
  const { result } = await judge({ before: few, after: { starts: 4, failed: 1, waits: { 3000: 3 } } });
  assert.equal(result.verdict, 'not_enough_data');
  const m = result.measures.spawnFailureRate;
  assert.equal(m.verdict, 'not_enough_data');
  assert.deepEqual(m.needed, { before: 15, after: 16 });
  assert.match(m.reason, /needs 16 more server starts after the deployment/);
  assert.match(result.reason, /^Not enough data yet/);
  assert.match(result.reason, /Last week has no data: compared with the window before only/);
  assert.equal(result.measures.crashRate.before, null, 'no server-hours: no rate, not NaN');
});

test('the same jump last week (Monday night to the lecture) is not blamed on the deployment', async () => {
  const night: Traffic = { ...typical, starts: 30, failed: 1, waits: { 2000: 29 } };
  const lecture: Traffic = { ...typical, starts: 200, failed: 6, waits: { 7500: 120, 10000: 74 } };
  const seasonal = await judge({ before: night, after: lecture, baselineBefore: night, baselineAfter: lecture });
  assert.equal(seasonal.result.verdict, 'no_change');
  assert.equal(seasonal.result.measures.spawnWaitP50.verdict, 'no_change');
  assert.equal(seasonal.result.measures.spawnWaitP50.comparison, 'before_and_last_week');
  assert.match(seasonal.result.measures.spawnWaitP50.reason, /the same change as last week, not blamed on the deployment/);
  assert.match(seasonal.result.reason, /Compared with the window before and with the same windows one week earlier/);

  // Without last week (a new hub) the same jump rests on before/after alone, and says so.
  const fresh = await judge({ before: night, after: lecture });
  assert.equal(fresh.result.verdict, 'worse');
  assert.equal(fresh.result.measures.spawnWaitP50.comparison, 'before_only');
  assert.match(fresh.result.measures.spawnWaitP50.reason, /last week has no data/);
  assert.equal(fresh.result.comparison, 'before_only');
});

test('a restart is computed but not judged; an after window still running is partial', async () => {
  const { result } = await judge(
    { before: typical, after: typical, baselineBefore: typical, baselineAfter: typical },
    'restart',
    WHEN + 1800,
  );
  assert.equal(result.judged, false);
  assert.equal(result.verdict, 'no_change');
  assert.match(result.reason, /^A restart with nothing changed: shown for information, not judged/);
  assert.equal(result.partial, true);
  assert.deepEqual(result.window.after, { from: WHEN, until: WHEN + 1800 });
  assert.deepEqual(result.window.baselineAfter, { from: WHEN - WEEK, until: WHEN - WEEK + 1800 });
  assert.match(result.reason, /judged on what there is so far/);
  // 40 servers over the half hour that has happened.
  assert.equal(result.measures.crashRate.samples.after, 20);
});

test('Hub 5xx leaves out the 5xx answers to failed starts, as /errors does', async () => {
  const { result } = await judge({ before: typical, after: { ...typical, status5xx: 40, spawn5xx: 35 } });
  assert.equal(result.measures.hub5xxRate.after, 5 / 5000);
  assert.equal(result.measures.hub5xxRate.verdict, 'no_change');
});

test('crash rate: server-hours from the points present; a half-covered window says so', async () => {
  // The collector started halfway through the window before: 40 servers for the hour it reported.
  const half: Traffic = { ...typical, crashes: 2, runningCoverage: 0.5 };
  const { result } = await judge({ before: half, after: { ...typical, crashes: 2 } });
  const m = result.measures.crashRate;
  assert.equal(m.samples.before, 40, '40 servers × 1 h reported, not the mean stretched over 2 h');
  assert.equal(m.samples.after, 80);
  assert.equal(m.before, 2 / 40);
  assert.equal(m.after, 2 / 80);
  assert.ok(m.coverage !== null);
  assert.equal(m.coverage.before, 0.5);
  assert.equal(m.coverage.after, 1);
  assert.equal(m.coverage.partial, true);
  assert.equal(
    m.coverage.note,
    'Running servers were reported for only 50 % of the window before: server-hours are counted over the time reported, not the whole window.',
  );
  assert.ok(m.reason.endsWith(m.coverage.note ?? '-'), m.reason);
  // Fully covered windows: no note; the other measures carry no coverage.
  const { result: full } = await judge({ before: typical, after: typical });
  // Last week the hub's gauge exists but holds no points (graphite-web answers its nulls), so
  // those windows are covered 0, not null; they are not compared, so no note.
  assert.deepEqual(full.measures.crashRate.coverage, {
    before: 1,
    after: 1,
    baselineBefore: 0,
    baselineAfter: 0,
    partial: false,
    note: null,
  });
  assert.equal(full.measures.crashRate.samples.before, 80);
  assert.equal(full.measures.spawnFailureRate.coverage, null);
});
