import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { statusResponseSchema } from '../lib/api/status';
import { CHAOS_APP_URL } from './support/app-ports';
import { sendStatsd } from './support/browser';
import { writeToCarbon } from './support/carbon';
import { forgetHub } from './support/forget-hub';
import { hubOnCache } from './support/relay-route';
import { CLUSTER } from './support/stack-mode';

// The Graphite cluster, for real (HUBWATCH_STACK=cluster): a storage node's graphite-web stopped
// and frozen mid-test must show as partial in /api/health and /api/status and recover; points
// sent while a carbon-cache is down must all arrive. The :3101 server reads graphite-front-chaos,
// which federates node a and graphite-web-b-chaos (node b's data): stopping that one touches
// nobody else. The carbon-cache test stops the real carbon-b for 30 s.
test.describe.configure({ mode: 'serial' });
test.skip(!CLUSTER, 'cluster only: HUBWATCH_STACK=cluster');

const CHAOS_APP = CHAOS_APP_URL;
const NODE_B_CHAOS = 'http://127.0.0.1:8093/';
const run = promisify(execFile);
const stack = (...args: string[]) => run('bash', ['stack/stack.sh', ...args], { timeout: 120_000 });
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(process.cwd(), '.data');
const nowSeconds = () => Math.floor(Date.now() / 1000);

type NodeView = { url: string; state: string; since: number | null; error?: { code: string } };
type Backend = { partial: boolean; unreachable: number; total: number; nodes: NodeView[] };

async function backendOf(request: APIRequestContext): Promise<Backend> {
  const response = await request.get(`${CHAOS_APP}/api/health`, { timeout: 30_000 });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { backend: Backend }).backend;
}

async function statusOf(request: APIRequestContext, base: string, hub: string, from: string | number) {
  const response = await request.get(`${base}/api/status`, { params: { hub, from: String(from), until: 'now' }, timeout: 60_000 });
  return { code: response.status(), body: response.ok() ? statusResponseSchema.parse(await response.json()) : null };
}

/** Six minutes of a healthy hub (hub.up = 1, fast health checks) up to now, written through the relay. */
async function writeHealthyHub(hub: string): Promise<void> {
  const end = nowSeconds();
  const lines: string[] = [];
  for (let at = end - 360; at <= end; at += 10) {
    lines.push(`stats.gauges.jupyterhub.${hub}.hub.up 1 ${at}`, `stats.gauges.jupyterhub.${hub}.hub.health_ms 40 ${at}`);
  }
  await writeToCarbon(lines);
}

test.beforeAll(async () => {
  await stack('start', 'graphite-web-b-chaos', 'graphite-front-chaos');
});

test.afterAll(async () => {
  await stack('signal', 'graphite-web-b-chaos', 'CONT').catch(() => undefined);
  await stack('start', 'carbon-b', 'graphite-web-b-chaos', 'graphite-front-chaos');
});

// hub.up on node a: with node b gone the hub still looks healthy, which is exactly the answer
// that must not be called Operational.
const upPath = (hub: string) => `stats.gauges.jupyterhub.${hub}.hub.up`;

test('a storage node stopped: health and status say partial, the verdict is not Operational; both recover', async ({ request }) => {
  test.setTimeout(240_000);
  const hub = hubOnCache('a', upPath);
  try {
    await writeHealthyHub(hub);
    await expect
      .poll(async () => (await statusOf(request, CHAOS_APP, hub, '-10min')).body?.verdict, { timeout: 60_000 })
      .toBe('Operational');

    await stack('stop', 'graphite-web-b-chaos');
    await expect.poll(async () => (await backendOf(request)).partial, { timeout: 30_000 }).toBe(true);
    const backend = await backendOf(request);
    expect(backend).toMatchObject({ partial: true, unreachable: 1, total: 2 });
    const down = backend.nodes.find((n) => n.url === NODE_B_CHAOS);
    expect(down).toMatchObject({ state: 'unreachable', error: { code: 'graphite_unreachable' } });
    expect(down?.since).toBeGreaterThan(nowSeconds() - 120);

    const { code, body } = await statusOf(request, CHAOS_APP, hub, '-10min');
    expect(code).toBe(200);
    expect(body?.backend).toMatchObject({ partial: true, unreachable: 1, total: 2 });
    expect(body?.verdict).toBe('Degraded');
    expect(body?.cause).toBe('partial_data');
    expect(body?.reason).toMatch(/data from part of the cluster only \(1 of 2 storage nodes unreachable since \d\d:\d\d UTC\)/);
    // The views say so in their first HTML: the status page's verdict and the hub's row on /hubs.
    const page = await (await request.get(`${CHAOS_APP}/?hub=${hub}&from=-10min`)).text();
    expect(page).toMatch(/data from part of the cluster only \(1 of 2 storage nodes unreachable since/);
    const hubs = (await (await request.get(`${CHAOS_APP}/api/hubs`)).json()) as { hubs: { hub: string; verdict: string; cause: string }[] };
    expect(hubs.hubs.find((h) => h.hub === hub)).toMatchObject({ verdict: 'Degraded', cause: 'partial_data' });
    expect((await (await request.get(`${CHAOS_APP}/api/backend`)).json()) as Backend).toMatchObject({ partial: true, unreachable: 1 });

    await stack('start', 'graphite-web-b-chaos');
    // Back, but the front still skips it for its retry delay: "recovering" (still partial), then up.
    const states = new Set<string>();
    await expect
      .poll(
        async () => {
          const b = await backendOf(request);
          for (const n of b.nodes) states.add(n.state);
          return b.partial;
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(false);
    expect(states).toContain('recovering');
    await expect
      .poll(async () => (await statusOf(request, CHAOS_APP, hub, '-10min')).body?.verdict, { timeout: 30_000 })
      .toBe('Operational');
  } finally {
    await forgetHub(hub, { removeWhisper: true });
  }
});

test('a storage node frozen (SIGSTOP): reported unreachable by timeout, never Operational; recovers after CONT', async ({ request }) => {
  test.setTimeout(240_000);
  const hub = hubOnCache('a', upPath);
  try {
    await writeHealthyHub(hub);
    await expect
      .poll(async () => (await statusOf(request, CHAOS_APP, hub, '-10min')).body?.verdict, { timeout: 60_000 })
      .toBe('Operational');
    await stack('signal', 'graphite-web-b-chaos', 'STOP');
    try {
      // The real condition: the dashboard's own probe of that node timed out (not just "partial").
      await expect
        .poll(async () => (await backendOf(request)).nodes.find((n) => n.url === NODE_B_CHAOS), { timeout: 30_000 })
        .toMatchObject({ state: 'unreachable', error: { code: 'graphite_timeout' } });
      // The same status as before the freeze. Its recomputation either comes from renders still
      // cached, or waits for the frozen node (the front: find 3 s, fetch 6 s) and is late, when
      // the Operational status from before stands in for it: either way, judged with the node
      // known to be gone (lib/status/bridged-status.ts), or a failure.
      const { code, body } = await statusOf(request, CHAOS_APP, hub, '-10min');
      if (code === 200) {
        expect(body?.verdict).not.toBe('Operational');
        expect(body?.backend).toMatchObject({ partial: true, unreachable: 1, total: 2 });
      } else expect([502, 504]).toContain(code);
    } finally {
      await stack('signal', 'graphite-web-b-chaos', 'CONT');
    }
    await expect.poll(async () => (await backendOf(request)).partial, { timeout: 60_000, intervals: [1_000] }).toBe(false);
    await expect
      .poll(async () => (await statusOf(request, CHAOS_APP, hub, '-10min')).body?.verdict, { timeout: 30_000 })
      .toBe('Operational');
  } finally {
    await forgetHub(hub, { removeWhisper: true });
  }
});

test('nothing lost: counts sent through StatsD while carbon-b is down for 30 s all arrive', async ({ request }) => {
  test.setTimeout(240_000);
  const countPath = (h: string) => `stats.counters.jupyterhub.${h}.logins.success.count`;
  const hub = hubOnCache('b', countPath);
  const sends = 7;
  await stack('stop', 'carbon-b');
  // StatsD stamps counts with its flush time, never before they were sent.
  const from = Math.floor(nowSeconds() / 10) * 10;
  const outageStarted = Date.now();
  try {
    for (let i = 0; i < sends; i++) {
      await sendStatsd([`jupyterhub.${hub}.logins.success:1|c`]);
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    }
    // At least three StatsD flushes went to the relay while the cache was away.
    const rest = 30_000 - (Date.now() - outageStarted);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    expect(existsSync(`${join(dataDir, 'cluster', 'b', 'whisper', ...countPath(hub).split('.'))}.wsp`)).toBe(false);
  } finally {
    await stack('start', 'carbon-b');
  }
  try {
    await expect
      .poll(async () => (await statusOf(request, '', hub, from)).body?.logins.success, { timeout: 90_000, intervals: [2_000] })
      .toBe(sends);
    // Stored by carbon-b, where the relay hashed it: it really went through the outage.
    expect(existsSync(`${join(dataDir, 'cluster', 'b', 'whisper', ...countPath(hub).split('.'))}.wsp`)).toBe(true);
  } finally {
    await forgetHub(hub, { removeWhisper: true });
  }
});
