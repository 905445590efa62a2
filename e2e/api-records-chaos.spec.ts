import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { APP_URL, CHAOS_APP_URL } from './support/app-ports';
import { type Dashboard, RECORDS_PORT_BASE, runDashboard, stopDashboard } from './support/dashboard-process';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';
import { CHAOS_GRAPHITE } from './support/stack-mode';

// MUTATES THE STACK: stops graphite-web-chaos (run under `flock -x`); afterAll starts it again.
// Reads never depend on the events mirror: with the chaos server's Graphite stopped, deployments
// are still listed and opened, and a new one is still stored (201) and listed. Playwright's two
// dashboards share one records store (the default SQLite file under HUBWATCH_DATA_DIR, or the
// PostgreSQL of HUBWATCH_TEST_DB=postgres), so a deployment written through :APP is read through :CHAOS.
test.describe.configure({ mode: 'serial' });

const run = promisify(execFile);
const stack = (...args: string[]) => run('bash', ['stack/stack.sh', ...args], { timeout: 120_000 });
const PORT = RECORDS_PORT_BASE + 3;

test.beforeAll(async () => {
  await stack('start', CHAOS_GRAPHITE);
});

test.afterAll(async () => {
  await stack('signal', CHAOS_GRAPHITE, 'CONT').catch(() => undefined);
  await stack('start', CHAOS_GRAPHITE);
});

test('graphite-web-chaos stopped: deployments still listed and opened, new ones still stored', async ({ request }) => {
  test.setTimeout(180_000);
  const hub = `records-chaos-${Date.now().toString(36)}`;
  const written = await request.post(`${APP_URL}/api/deployments`, {
    headers: { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` },
    data: { hub, what: 'before the outage', version: '1' },
  });
  expect(written.status()).toBe(201);
  const deployment = await written.json();

  // A dashboard of its own on graphite-web-chaos with a token, to write during the outage.
  let writer: Dashboard | undefined;
  await stack('stop', CHAOS_GRAPHITE);
  try {
    const list = await request.get(`${CHAOS_APP_URL}/api/deployments`, { params: { hub, from: '-1h' } });
    expect(list.status()).toBe(200);
    expect(await list.json()).toEqual({ deployments: [deployment] });
    const one = await request.get(`${CHAOS_APP_URL}/api/deployments/${deployment.id}`);
    expect(await one.json()).toEqual(deployment);
    // Graphite is down for the chaos server (its charts fail), the records are not.
    expect((await request.get(`${CHAOS_APP_URL}/api/graphite/find`, { params: { query: 'stats.*' } })).status()).toBe(502);
    const health = await (await request.get(`${CHAOS_APP_URL}/api/health`)).json();
    expect(health).toMatchObject({ status: 'degraded', graphite: { reachable: false }, records: { reachable: true } });

    writer = await runDashboard(PORT, {
      GRAPHITE_URL: 'http://127.0.0.1:8090',
      HUBWATCH_DEPLOY_TOKEN: E2E_DEPLOY_TOKEN,
    });
    expect(writer.child.output()).toMatch(
      /Graphite http:\/\/127\.0\.0\.1:8090\/ offers nothing hubwatch uses; did not answer for render, find, functions, events/,
    );
    const during = await request.post(`${writer.url}/api/deployments`, {
      headers: { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` },
      data: { hub, what: 'during the outage' },
    });
    expect(during.status()).toBe(201);
    const listed = await request.get(`${CHAOS_APP_URL}/api/deployments`, { params: { hub, from: '-1h' } });
    expect((await listed.json()).deployments.map((d: { what: string }) => d.what)).toEqual(['during the outage', 'before the outage']);
    await expect.poll(() => writer?.child.output(), { timeout: 20_000 }).toMatch(/events mirror: deployment \d+ not copied to Graphite/);
  } finally {
    await stopDashboard(writer);
    await stack('start', CHAOS_GRAPHITE);
  }
});
