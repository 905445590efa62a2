import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { loadGraphiteConfig } from '../lib/config/graphite';
import { CHAOS_APP_URL } from './support/app-ports';
import { CHAOS_GRAPHITE } from './support/stack-mode';

// Graphite saturated for real: expensive renders through the :3101 server (graphite-web-chaos,
// one gunicorn worker; graphite-front-chaos on the cluster, which evaluates them itself) hold graphite-web. The status page must keep answering at once from its
// last status, say it is stale, and recover once the expensive renders are gone (the dashboard
// gives up on them after GRAPHITE_TIMEOUT_MS, gunicorn kills the worker a second later).

const CHAOS_APP = CHAOS_APP_URL;
// A regex that backtracks exponentially over a 30-letter name: minutes of one worker's time
// (gunicorn kills the worker after its timeout; 24 letters already take about 9 s here).
const EXPENSIVE = `aliasSub(alias(stats.statsd.numStats,"${'a'.repeat(30)}"),"(a*)*b","x")`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// The chaos dashboard sets no GRAPHITE_TIMEOUT_MS: it runs with the configuration's default. Any
// answer that waited for Graphite waited this long (saturated or frozen, Graphite never answers
// first), so "at once" is checked as "sooner than this": a liveness bound that cannot flake on a
// busy machine, not a speed target (speed is bench/load.ts's).
const GRAPHITE_TIMEOUT_MS = loadGraphiteConfig({}).timeoutMs;

test('three expensive renders: the status page answers at once from its last status, marked stale, and recovers', async ({ request }) => {
  test.setTimeout(180_000);
  const hub = `saturation${Date.now().toString(36)}`;
  const page = `${CHAOS_APP}/?hub=${hub}`;
  const warm = await request.get(page);
  expect(warm.status()).toBe(200);
  expect(await warm.text()).not.toContain('data-testid="stale-banner"');

  const expensive = [0, 1, 2].map((i) =>
    request.get(`${CHAOS_APP}/api/graphite/render`, {
      params: { target: EXPENSIVE, from: `-${60 + i}min` },
      timeout: 120_000,
    }),
  );
  const timings: number[] = [];
  let sawStale = false;
  const deadline = Date.now() + 60_000;
  while (!sawStale && Date.now() < deadline) {
    const started = Date.now();
    const answer = await request.get(page, { timeout: 30_000 });
    timings.push(Date.now() - started);
    expect(answer.status()).toBe(200);
    sawStale = (await answer.text()).includes('data-testid="stale-banner"');
    await sleep(1_000);
  }
  expect(sawStale, 'the page says its status is stale while Graphite is saturated').toBe(true);
  console.log(`status page while saturated: ${timings.length} answers, slowest ${Math.max(...timings)} ms`);
  // Every answer came from the last status: none waited for Graphite's timeout.
  expect(Math.max(...timings)).toBeLessThan(GRAPHITE_TIMEOUT_MS);

  const outcomes = await Promise.all(expensive);
  for (const outcome of outcomes) {
    expect([200, 400, 502, 503, 504]).toContain(outcome.status());
    if (outcome.status() === 503) expect(outcome.headers()['retry-after']).toBe('5');
  }
  await expect
    .poll(async () => (await (await request.get(page)).text()).includes('data-testid="stale-banner"'), {
      timeout: 90_000,
      intervals: [2_000],
    })
    .toBe(false);
});

test('past the queue, a render is refused at once: 503 graphite_busy with Retry-After', async ({ request }) => {
  test.setTimeout(120_000);
  // Frozen, graphite-web holds every render until the dashboard gives up: 2 run, 50 wait (the
  // defaults), and the rest of a burst of 60 distinct renders is refused without waiting.
  const signal = (sig: 'STOP' | 'CONT') => execFileSync('bash', ['stack/stack.sh', 'signal', CHAOS_GRAPHITE, sig], { stdio: 'pipe' });
  signal('STOP');
  try {
    const started = Date.now();
    const burst = Array.from({ length: 60 }, (_, i) =>
      request
        .get(`${CHAOS_APP}/api/graphite/render`, { params: { target: 'stats.statsd.numStats', from: `-${120 + i}min` }, timeout: 60_000 })
        .then(async (answer) => ({
          status: answer.status(),
          headers: answer.headers(),
          body: await answer.json(),
          at: Date.now() - started,
        })),
    );
    const answers = await Promise.all(burst);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(8);
    expect(busy[0]?.headers['retry-after']).toBe('5');
    expect(busy[0]?.body).toEqual({ error: { code: 'graphite_busy', message: 'Graphite is busy with other renders; try again shortly' } });
    // The 8 past the queue (60 - 2 running - 50 waiting) were refused at once, before any
    // render could have waited for Graphite's timeout; the later 503s are the queue's own give-up.
    const refusedAt = busy.map((a) => a.at).sort((a, b) => a - b);
    console.log(`past the queue: 8th refusal after ${refusedAt[7]} ms (Graphite's timeout ${GRAPHITE_TIMEOUT_MS} ms)`);
    expect(refusedAt[7] ?? Number.POSITIVE_INFINITY).toBeLessThan(GRAPHITE_TIMEOUT_MS);
  } finally {
    signal('CONT');
  }
  await expect
    .poll(
      async () =>
        (await request.get(`${CHAOS_APP}/api/graphite/render`, { params: { target: 'stats.statsd.numStats', from: '-1min' } })).status(),
      {
        timeout: 60_000,
      },
    )
    .toBe(200);
});
