import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { CHAOS_APP_URL } from './support/app-ports';
import { CHAOS_GRAPHITE } from './support/stack-mode';

// Graphite down and Graphite hanging, for real: the server on :3101 talks to graphite-web-chaos
// (:8090; on the cluster graphite-front-chaos), which these tests stop and SIGSTOP; afterAll always brings it back.
test.describe.configure({ mode: 'serial' });

const CHAOS_APP = CHAOS_APP_URL;
const run = promisify(execFile);
const stack = (...args: string[]) => run('bash', ['stack/stack.sh', ...args], { timeout: 120_000 });

// A target nobody else renders, so the proxy's cache cannot answer in Graphite's place.
const freshRender = () => ({
  target: `alias(stats.statsd.numStats,"chaos-${Date.now()}-${Math.random().toString(36).slice(2)}")`,
  from: '-5min',
});

test.beforeAll(async () => {
  await stack('start', CHAOS_GRAPHITE);
});

test.afterAll(async () => {
  await stack('signal', CHAOS_GRAPHITE, 'CONT').catch(() => undefined);
  await stack('start', CHAOS_GRAPHITE);
});

test('with graphite-web-chaos up, the :3101 server renders', async ({ request }) => {
  const response = await request.get(`${CHAOS_APP}/api/graphite/render`, { params: freshRender() });
  expect(response.status()).toBe(200);
  expect(Array.isArray(await response.json())).toBe(true);
});

test('Graphite stopped -> 502 graphite_unreachable; health says unreachable; back after start', async ({ request }) => {
  test.setTimeout(120_000);
  await stack('stop', CHAOS_GRAPHITE);

  const response = await request.get(`${CHAOS_APP}/api/graphite/render`, { params: freshRender() });
  expect(response.status()).toBe(502);
  expect(await response.json()).toEqual({
    error: { code: 'graphite_unreachable', message: 'Graphite is unreachable' },
  });

  const find = await request.get(`${CHAOS_APP}/api/graphite/find`, { params: { query: 'stats.*' } });
  expect(find.status()).toBe(502);

  // /api/status runs in Next's copy of lib/, the render above in server.ts's: both map the outage.
  const status = await request.get(`${CHAOS_APP}/api/status`, { params: { from: '-7min' } });
  expect(status.status()).toBe(502);
  expect((await status.json()).error.code).toBe('graphite_unreachable');

  const health = await request.get(`${CHAOS_APP}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({
    status: 'degraded',
    dashboard: { up: true },
    graphite: { reachable: false, error: { code: 'graphite_unreachable' } },
  });

  await stack('start', CHAOS_GRAPHITE);
  const again = await request.get(`${CHAOS_APP}/api/graphite/render`, { params: freshRender() });
  expect(again.status()).toBe(200);
});

test('Graphite hanging (SIGSTOP) -> 504 graphite_timeout; answers again after CONT', async ({ request }) => {
  test.setTimeout(120_000);
  await stack('signal', CHAOS_GRAPHITE, 'STOP');
  try {
    const response = await request.get(`${CHAOS_APP}/api/graphite/render`, { params: freshRender(), timeout: 60_000 });
    expect(response.status()).toBe(504);
    expect(await response.json()).toEqual({
      error: { code: 'graphite_timeout', message: 'Graphite did not answer in time' },
    });

    const health = await request.get(`${CHAOS_APP}/api/health`, { timeout: 60_000 });
    expect(await health.json()).toMatchObject({
      status: 'degraded',
      graphite: { reachable: false, error: { code: 'graphite_timeout' } },
    });
  } finally {
    await stack('signal', CHAOS_GRAPHITE, 'CONT');
  }
  const again = await request.get(`${CHAOS_APP}/api/graphite/render`, { params: freshRender(), timeout: 60_000 });
  expect(again.status()).toBe(200);
});
