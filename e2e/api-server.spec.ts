import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTsx, stopChild } from './support/tsx-child';

// `npm start` is server.ts: Next's handler with the render-cache fast path in front of it.
// These run against the real servers Playwright started with `npm start`, plus short-lived ones.

const uniqueTarget = () => `alias(stats.statsd.numStats,"fast-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}")`;

test('a cached render is answered by the fast path with the bytes the route handler cached', async ({ request }) => {
  const target = uniqueTarget();
  const first = await request.get('/api/graphite/render', { params: { target, from: '-10min', maxDataPoints: '20' } });
  expect(first.status()).toBe(200);
  expect(first.headers()['x-hubwatch-cache'], 'a miss: server.ts ran the route handler itself, not Next').toBe('miss');

  // Written Grafana-style and in another order: the same render, the same cache entry.
  const again = await request.get(`/api/graphite/render?maxDataPoints=20&from=now-10m&until=now&target=${encodeURIComponent(target)}`, {
    headers: { 'accept-encoding': 'gzip' },
  });
  expect(again.status()).toBe(200);
  expect(again.headers()['x-hubwatch-cache']).toBe('hit');
  expect(again.headers()['content-encoding'], 'compressed for a client that asks, decoded by Playwright').toBe('gzip');
  expect(again.headers()['content-type']).toBe('application/json');
  expect(again.headers()['cache-control']).toBe('no-store');
  expect(await again.body()).toEqual(await first.body());
});

test('bad input never reaches the fast path: the route answers with the usual 400', async ({ request }) => {
  const response = await request.get('/api/graphite/render', { params: { target: 'stats.statsd.numStats', maxDataPoints: '0' } });
  expect(response.status()).toBe(400);
  expect(response.headers()['x-hubwatch-cache'], 'the route handler, called by server.ts').toBe('miss');
  expect(await response.json()).toEqual({ error: { code: 'bad_request', message: 'maxDataPoints: must be at least 1' } });
});

test('npm start refuses a bad configuration, naming every bad variable and file field at once', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-config-'));
  const file = join(dir, 'hubwatch.config.json');
  writeFileSync(file, JSON.stringify({ status: { windowMinutes: 0 } }));
  try {
    for (const [env, messages] of [
      [{ GRAPHITE_URL: 'ftp://127.0.0.1:8080', PORT: '3190' }, ['GRAPHITE_URL: must be http:// or https://']],
      [{ PORT: 'eighty' }, ['PORT: must be a number']],
      [
        { HUBWATCH_CONFIG: file, HUBWATCH_DEPLOY_TOKEN: 'short', PORT: '3190' },
        ['HUBWATCH_DEPLOY_TOKEN: must be at least 16 characters', `${file}: status.windowMinutes:`],
      ],
    ] as const) {
      const server = startTsx(['server.ts'], { NEXT_TELEMETRY_DISABLED: '1', ...env });
      expect(await server.exited, server.output()).toBe(1);
      const line =
        server
          .output()
          .split('\n')
          .find((l) => l.startsWith('hubwatch: invalid configuration: ')) ?? server.output();
      for (const message of messages) expect(line).toContain(message);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Exit 0 only when every request finished within the grace period (a cut request exits 1).
test('npm start serves on PORT and stops cleanly on SIGTERM', async ({ request }) => {
  test.setTimeout(120_000);
  const server = startTsx(['server.ts'], { NEXT_TELEMETRY_DISABLED: '1', PORT: '3191', HUBWATCH_HOST: '127.0.0.1' });
  try {
    await expect
      .poll(async () => (await request.get('http://127.0.0.1:3191/api/health').catch(() => null))?.status(), { timeout: 60_000 })
      .toBe(200);
  } finally {
    await stopChild(server);
  }
  expect(await server.exited, server.output()).toBe(0);
});
