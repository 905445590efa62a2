import { expect, test } from '@playwright/test';
import { counterPath } from '../lib/catalog';
import { APP_URL } from './support/app-ports';
import { type BurstKind, type BurstRequest, burstRequest } from './support/burst-requests';
import { answerProblem } from './support/fuzz-check';
import { forgetManyHubs, manyHubNames } from './support/many-hubs';
import { rawClient } from './support/raw-http';
import { createRandom } from './support/seeded-random';
import { writeYearOfHubs } from './support/year-of-hubs';

// MUTATES THE STACK, run it under the exclusive lock (flock -x /tmp/hubwatch-e2e.lock): it writes
// a year of history for a dozen hubs into the shared carbon (removed afterwards) and loads
// graphite-web heavily for a minute.
//
// A burst of expensive requests must queue or be refused, never take the dashboard down: 8
// clients fire long-range /api/status, render (GET and POST) and export requests, every range
// drawn anew so no cache answers them, while a ninth asks /api/health twice a second. The
// dashboard answers /api/health throughout, and every answer is a 200, a 4xx (an answer too large
// to read says how to narrow the request) or a 503 (busy, with Retry-After), in the one error shape.

const CLIENTS = 8;
const BURST_MS = Number(process.env.HUBWATCH_BURST_MS ?? 45_000);
const HEALTH_EVERY_MS = 500;
/** /api/health must answer in this time; generous, as the machine's two cores are busy with the burst. */
const HEALTH_TIMEOUT_MS = 10_000;
const RUN = `bst${Date.now().toString(36).slice(-5)}`;
const HUBS = manyHubNames(RUN, 12);
const PREFIX = `e2e${RUN}h`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  const now = Math.floor(Date.now() / 1000);
  await writeYearOfHubs(HUBS, now);
  // carbon writes a year of points per file as it gets to them: wait until the first and the last hub have it.
  for (const hub of [HUBS[0], HUBS.at(-1)]) {
    const target = counterPath(hub ?? '', 'spawns.success');
    await expect
      .poll(
        async () => {
          const answer = await request.get(`/api/graphite/render?target=${encodeURIComponent(target)}&from=-365d&maxDataPoints=12`);
          if (!answer.ok()) return 0;
          const [series] = (await answer.json()) as { datapoints: [number | null, number][] }[];
          return series?.datapoints.filter(([value]) => value !== null).length ?? 0;
        },
        { timeout: 180_000, intervals: [2_000] },
      )
      .toBeGreaterThanOrEqual(11);
  }
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await forgetManyHubs(HUBS);
});

type Outcome = { request: BurstRequest; status: number; code: string | null; problem: string | null };

test('a burst of long-range status, render and export requests: the dashboard stays up, every answer 200, 4xx or 503', async ({
  baseURL,
}) => {
  test.setTimeout(BURST_MS + 180_000);
  const base = new URL(baseURL ?? APP_URL);
  const burst = rawClient(base, CLIENTS);
  const health = rawClient(base, 1);
  const random = createRandom(20_261_208);
  const ends = Date.now() + BURST_MS;
  const outcomes: Outcome[] = [];
  const failures: string[] = [];

  const client = async () => {
    while (Date.now() < ends) {
      const request = burstRequest(random, HUBS, PREFIX);
      try {
        const answer = await burst.send(request, 120_000);
        let code: string | null = null;
        if (answer.status >= 400) code = (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code ?? null;
        const problem = answerProblem({ method: request.method, path: request.path, reachesGraphite: true }, answer);
        outcomes.push({ request, status: answer.status, code, problem });
      } catch (error) {
        failures.push(`${request.method} ${request.path.slice(0, 160)}: ${String(error)}`);
      }
    }
  };
  const healthChecks: { status: number; ms: number }[] = [];
  const poll = async () => {
    while (Date.now() < ends) {
      const started = Date.now();
      try {
        const answer = await health.send({ method: 'GET', path: '/api/health' }, HEALTH_TIMEOUT_MS);
        healthChecks.push({ status: answer.status, ms: Date.now() - started });
      } catch (error) {
        healthChecks.push({ status: 0, ms: Date.now() - started });
        failures.push(`/api/health: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  };
  await Promise.all([poll(), ...Array.from({ length: CLIENTS }, client)]);
  burst.close();
  health.close();

  const tally = new Map<string, number>();
  for (const o of outcomes)
    tally.set(
      `${o.request.kind} ${o.status}${o.code ? ` ${o.code}` : ''}`,
      (tally.get(`${o.request.kind} ${o.status}${o.code ? ` ${o.code}` : ''}`) ?? 0) + 1,
    );
  console.log(
    `burst: ${outcomes.length} answers in ${BURST_MS / 1000} s from ${CLIENTS} clients; ${JSON.stringify(Object.fromEntries([...tally].sort()))}; ` +
      `health ${healthChecks.length} checks, slowest ${Math.max(0, ...healthChecks.map((h) => h.ms))} ms`,
  );

  expect(failures, 'every request answered, /api/health included').toEqual([]);
  expect(healthChecks.length).toBeGreaterThan(BURST_MS / HEALTH_EVERY_MS / 4);
  expect(healthChecks.filter((h) => h.status !== 200)).toEqual([]);
  const allowed = (status: number) => status === 200 || status === 503 || (status >= 400 && status < 500);
  expect(outcomes.filter((o) => !allowed(o.status)).map((o) => `${o.status} ${o.code} ${o.request.path.slice(0, 120)}`)).toEqual([]);
  expect(outcomes.filter((o) => o.problem !== null).map((o) => o.problem)).toEqual([]);
  const answered = (kind: BurstKind, status: number, code: string | null = null) =>
    outcomes.some((o) => o.request.kind === kind && o.status === status && o.code === code);
  // The burst measured something: long statuses and bounded renders were answered, and a year of
  // every hub's points was refused for its size, not read.
  expect(answered('status', 200)).toBe(true);
  expect(answered('render', 200)).toBe(true);
  expect(answered('render-wide', 400, 'answer_too_large') || answered('export', 400, 'answer_too_large')).toBe(true);

  // And it is still the dashboard it was: healthy, and a status answered.
  const after = rawClient(base, 1);
  expect((await after.send({ method: 'GET', path: '/api/health' })).status).toBe(200);
  expect((await after.send({ method: 'GET', path: `/api/status?hub=${HUBS[0]}&from=-1h` })).status).toBe(200);
  after.close();
});
