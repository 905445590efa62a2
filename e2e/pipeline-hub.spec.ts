import { type APIRequestContext, expect, test } from '@playwright/test';
import { CONTRACT_KEYS } from '../simulator/ledger';
import { simulatedClass } from './support/simulated-class';

// End to end against the real demo hub: the classroom simulator causes known events
// on the JupyterHub that `stack.sh start ... hub` runs, the collector tails that hub's log and
// sends them through StatsD and carbon, and the counts read back through the dashboard's
// /api/graphite/render must equal the simulator's ledger exactly. No mocks anywhere.

type Series = { target: string; datapoints: [number | null, number][] };

function isSeriesList(value: unknown): value is Series[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'object' && s !== null && 'target' in s && 'datapoints' in s);
}

/** Sum of every point of each target over [from, now]; a target Graphite has no series for counts 0. */
async function sums(request: APIRequestContext, targets: string[], from: number): Promise<Record<string, number>> {
  const params = new URLSearchParams({ from: String(from), until: 'now' });
  for (const target of targets) params.append('target', target);
  const response = await request.get(`/api/graphite/render?${params}`);
  expect(response.status(), await response.text()).toBe(200);
  const body: unknown = await response.json();
  if (!isSeriesList(body)) throw new Error('render answered something that is not a series list');
  const totals: Record<string, number> = {};
  for (const target of targets) totals[target] = 0;
  for (const series of body) {
    totals[series.target] = series.datapoints.reduce((sum, [value]) => sum + (value ?? 0), 0);
  }
  return totals;
}

/** Every metric path under the run's prefix, walked through /api/graphite/find. */
async function metricPaths(request: APIRequestContext, hubName: string): Promise<string[]> {
  const leaves: string[] = [];
  const queue = [`stats.*.jupyterhub.${hubName}`];
  for (let guard = 0; queue.length > 0 && guard < 500; guard += 1) {
    const node = queue.shift() ?? '';
    const response = await request.get(`/api/graphite/find?${new URLSearchParams({ query: `${node}.*` })}`);
    expect(response.status()).toBe(200);
    const found: unknown = await response.json();
    if (!Array.isArray(found)) throw new Error('find answered something that is not a list');
    for (const item of found as unknown[]) {
      if (typeof item !== 'object' || item === null || !('path' in item) || typeof item.path !== 'string') continue;
      ('leaf' in item && item.leaf === true ? leaves : queue).push(item.path);
    }
  }
  return leaves;
}

test('the collector counts exactly what the classroom simulator did to the real hub', async ({ request }) => {
  // up to a few minutes waiting for another spec to release the hub, ~2 min for the run itself
  test.setTimeout(600_000);
  // The one simulated lecture of this stack (support/simulated-class.ts), which the status specs
  // read through /api/status: here its counts are read straight from Graphite's render API. The
  // collector counts every line of the hub's log, so the run holds the demo-hub lock throughout
  // (a second simulator at the same time made the counts the sum of both ledgers).
  const run = await simulatedClass(request);
  const { summary } = run;
  expect(summary.unknown, 'actions whose outcome the simulator could not establish').toBe(0);
  // the --once scenario exists to exercise every key; a key it did not reach proves nothing
  for (const key of CONTRACT_KEYS) expect(summary.counts[key], `ledger count of ${key}`).toBeGreaterThan(0);

  const prefix = `stats.counters.jupyterhub.${run.hub}`;
  const durationTarget = `stats.timers.jupyterhub.${run.hub}.spawns.duration.count`;
  const targets = [...CONTRACT_KEYS.map((key) => `${prefix}.${key}.count`), durationTarget];
  const expected: Record<string, number> = { [durationTarget]: summary.counts['spawns.success'] };
  for (const key of CONTRACT_KEYS) expected[`${prefix}.${key}.count`] = summary.counts[key];

  // From the run's first bucket (minus 1: render excludes the bucket at `from`) to now, not to the
  // run's end: the run's collector has stopped, so anything counted twice and still on its way
  // would show here as an overshoot, and never converge.
  const from = run.from - 1;
  await expect.poll(() => sums(request, targets, from), { timeout: 90_000, intervals: [2_000] }).toEqual(expected);

  // privacy: user names (this run's tag is in every one of them) never become metric names
  const paths = await metricPaths(request, run.hub);
  expect(paths.length).toBeGreaterThan(0);
  expect(paths.filter((path) => path.includes(run.tag) || /(student|broken|hang|mute|crash)\d/.test(path))).toEqual([]);
});
