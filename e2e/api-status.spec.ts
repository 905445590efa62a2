import { expect, test } from '@playwright/test';
import { statusResponseSchema } from '../lib/api/status';
import { HISTOGRAM_BINS } from '../lib/catalog';
import { ERROR_CATEGORIES } from '../lib/errors-explained';
import { HTML_STATUS, writeToCarbon } from './support/carbon';
import { forgetHub } from './support/forget-hub';
import { simulatedClass, statusCounts } from './support/simulated-class';

// GET /api/status against the real stack, demo hub, collector and classroom simulator: every
// count equals what the simulator's ledger says it caused, and bad input is a 400 naming the field.

test.describe.configure({ mode: 'serial' });

test('counts over the run equal the simulator ledger', async ({ request }) => {
  test.setTimeout(360_000);
  const run = await simulatedClass(request);
  const response = await request.get(`/api/status?hub=${run.hub}&from=${run.from}&until=${run.until}`);
  expect(response.status(), await response.text()).toBe(200);
  const body = statusResponseSchema.parse(await response.json());
  const expected = run.summary.counts;

  expect(statusCounts(body)).toEqual(expected);
  const failed =
    expected['spawns.failure.error'] +
    expected['spawns.failure.exited'] +
    expected['spawns.failure.timeout'] +
    expected['spawns.failure.http_timeout'];
  expect(body.spawns.failed).toBe(failed);
  expect(body.errors.byCategory.spawn_error.count).toBe(expected['spawns.failure.error']);
  expect(body.errors.byCategory.process_exited.count).toBe(expected['spawns.failure.exited']);
  expect(body.errors.byCategory.start_timeout.count).toBe(expected['spawns.failure.timeout']);
  expect(body.errors.byCategory.never_responded.count).toBe(expected['spawns.failure.http_timeout']);
  expect(body.errors.byCategory.throttled.count).toBe(expected['spawns.throttled']);
  expect(body.errors.byCategory.active_user_limit.count).toBe(expected['spawns.limited']);
  expect(body.errors.byCategory.server_crashed.count).toBe(expected['servers.crashed']);
  expect(body.errors.byCategory.failed_login.count).toBe(expected['logins.failure']);
  // A failed start the hub answered with 500 is one error (under its reason), not also "Hub 5xx".
  const hub5xx = Object.entries(body.requests.byStatus)
    .filter(([code]) => code.startsWith('5'))
    .reduce((sum, [, n]) => sum + n, 0);
  expect(expected['requests.spawn_5xx']).toBeGreaterThan(0);
  expect(body.errors.byCategory.hub_5xx.count).toBe(hub5xx - expected['requests.spawn_5xx']);
  expect(body.hub.name).toBe(run.hub);

  // Every successful start has one duration; the quantiles stay inside the histogram bin that
  // holds the slowest start as the simulator measured it (the hub's own timing is shorter).
  expect(body.spawns.waitSeconds.samples).toBe(expected['spawns.success']);
  const { p50, p95 } = body.spawns.waitSeconds;
  expect(p50).not.toBeNull();
  expect(p95).not.toBeNull();
  expect(p50 ?? Number.NaN).toBeLessThanOrEqual(p95 ?? Number.NaN);
  const slowestMs = Math.max(...run.successSeconds) * 1000;
  const bound = HISTOGRAM_BINS['spawns.duration'].find((b) => b > slowestMs) ?? Number.POSITIVE_INFINITY;
  expect((p95 ?? Number.NaN) * 1000).toBeLessThanOrEqual(bound);

  // The run's failures are inside the verdict window (the last 15 minutes of the range).
  const attempts = expected['spawns.success'] + failed;
  expect(body.verdict).toBe('Degraded');
  expect(body.reason).toMatch(new RegExp(`^${failed} of ${attempts} server starts failed in the `));
});

test('adjacent ranges split the run exactly, and "previous" is the range before', async ({ request }) => {
  test.setTimeout(360_000);
  const run = await simulatedClass(request);
  const mid = Math.ceil((run.from + run.until) / 2);
  const get = async (from: number, until: number) => {
    const response = await request.get(`/api/status?hub=${run.hub}&from=${from}&until=${until}`);
    expect(response.status()).toBe(200);
    return statusResponseSchema.parse(await response.json());
  };
  const first = await get(run.from, mid);
  const second = await get(mid, mid + (mid - run.from));
  for (const category of ERROR_CATEGORIES) {
    expect(second.errors.byCategory[category].previous, category).toBe(first.errors.byCategory[category].count);
  }
  const whole = statusCounts(first);
  const rest = statusCounts(second);
  const summed = Object.fromEntries(Object.entries(whole).map(([key, n]) => [key, n + (rest[key] ?? 0)]));
  expect(summed).toEqual(run.summary.counts);
});

const badRequests: [string, string][] = [
  ['hub=a%20b', 'hub: must be 1-64 letters, digits, _ or -'],
  ['hub=a&hub=b', 'hub: given more than once'],
  ['hub=%3Cscript%3E', 'hub: must be 1-64 letters, digits, _ or -'],
  ['from=soon', 'from: not a Graphite time'],
  ['until=1h', 'until: not a Graphite time'],
  ['from=-1h&until=-2h', 'until: must be later than from'],
  ['from=-1000d', 'from: range from..until is longer than the limit of 732 days'],
];

for (const [query, message] of badRequests) {
  test(`400 for ${query}`, async ({ request }) => {
    const response = await request.get(`/api/status?${query}`);
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad_request', message } });
  });
}

const htmlHub = `html${Date.now().toString(36)}`;
test.afterAll(() => forgetHub(htmlHub, { removeWhisper: true }));

test('a metric named with HTML comes back verbatim, as data', async ({ request }) => {
  const hub = htmlHub;
  const at = Math.floor(Date.now() / 1000) - 30;
  await writeToCarbon([`stats.counters.jupyterhub.${hub}.requests.status.${HTML_STATUS}.count 3 ${at}`]);
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/status?hub=${hub}&from=-10min`);
        return response.ok() ? ((await response.json()) as { requests: { byStatus: unknown } }).requests.byStatus : null;
      },
      { timeout: 30_000 },
    )
    .toEqual({ [HTML_STATUS]: 3 });
});
