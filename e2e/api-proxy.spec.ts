import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { healthSchema } from '../lib/api/health';

// Round trips through the proxy against the real stack: StatsD -> carbon -> graphite-web -> /api.
// Every poll uses a fresh absolute range (until = now + 1 s), so the proxy's short render cache
// cannot hide a value that has just arrived.

type Series = { target: string; tags: Record<string, string>; datapoints: [number | null, number][] };
type FindNode = { path: string; name: string; leaf: boolean };

const uniqueId = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sendStatsd(line: string): Promise<void> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) =>
    socket.send(line, 8125, '127.0.0.1', (error) => {
      socket.close();
      if (error) reject(error);
      else resolve();
    }),
  );
}

function sendCarbon(line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(2003, '127.0.0.1', () => socket.end(`${line}\n`));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

test('a gauge sent to StatsD is read back through /api/graphite/render', async ({ request }) => {
  test.setTimeout(90_000);
  const key = `e2e.proxy.${uniqueId()}`;
  const value = 1000 + Math.floor(Math.random() * 1000);
  const from = nowSeconds() - 20;
  await sendStatsd(`${key}:${value}|g`);

  await expect
    .poll(
      async () => {
        const response = await request.get('/api/graphite/render', {
          params: { target: `stats.gauges.${key}`, from: String(from), until: String(nowSeconds() + 1) },
        });
        expect(response.status()).toBe(200);
        const series: Series[] = await response.json();
        return series.flatMap((s) => s.datapoints.map(([v]) => v)).filter((v) => v !== null);
      },
      // One StatsD flush (10 s) plus carbon creating the whisper file.
      { timeout: 75_000, intervals: [1_000] },
    )
    .toContain(value);
});

test('a value sent to carbon is read back through render, and find lists it', async ({ request }) => {
  test.setTimeout(60_000);
  const id = uniqueId();
  const path = `e2e.proxy.carbon.${id}`;
  const value = Math.round(Math.random() * 1e6) / 100;
  const at = nowSeconds();
  await sendCarbon(`${path} ${value} ${at}`);

  // Graphite rounds `from` up to the next 10 s boundary, so from = bucket - 1 includes the bucket.
  const bucket = at - (at % 10);
  await expect
    .poll(
      async () => {
        const response = await request.get('/api/graphite/render', {
          params: { target: path, from: String(bucket - 1), until: String(nowSeconds() + 1) },
        });
        const series: Series[] = await response.json();
        return series[0]?.datapoints.find(([v]) => v !== null) ?? null;
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toEqual([value, bucket]);

  const byWildcard = await request.get('/api/graphite/find', { params: { query: 'e2e.proxy.carbon.*' } });
  expect(byWildcard.status()).toBe(200);
  const nodes: FindNode[] = await byWildcard.json();
  expect(nodes).toContainEqual({ path, name: id, leaf: true });

  const exact = await request.get('/api/graphite/find', { params: { query: path } });
  expect(await exact.json()).toEqual([{ path, name: id, leaf: true }]);

  const branch = await request.get('/api/graphite/find', { params: { query: 'e2e.proxy.*' } });
  expect(await branch.json()).toContainEqual({ path: 'e2e.proxy.carbon', name: 'carbon', leaf: false });
});

test('an event posted to graphite-web is read back through /api/graphite/events', async ({ request }) => {
  const tag = `e2e-${uniqueId()}`;
  const other = `e2e-${uniqueId()}`;
  const post = (what: string, tags: string[]) =>
    request.post('http://127.0.0.1:8080/events/', { data: { what, tags, data: 'posted by e2e/api-proxy.spec.ts' } });
  expect((await post(`proxy e2e ${tag}`, [tag, 'proxy-e2e'])).status()).toBe(200);
  expect((await post(`proxy e2e ${other}`, [other, 'proxy-e2e'])).status()).toBe(200);

  const events = async (tags: string) => {
    const response = await request.get('/api/graphite/events', { params: { tags, from: '-10min', until: '+1min' } });
    expect(response.status()).toBe(200);
    const body: { id: number; when: number; what: string; data: string; tags: string[] }[] = await response.json();
    return body;
  };
  const mine = await events(tag);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ what: `proxy e2e ${tag}`, data: 'posted by e2e/api-proxy.spec.ts', tags: [tag, 'proxy-e2e'] });
  expect(Math.abs((mine[0]?.when ?? 0) - nowSeconds())).toBeLessThan(600);

  // Tags are ANDed, including a tag nobody ever used (graphite-web alone would ignore that one).
  expect((await events(`${tag} proxy-e2e`)).map((e) => e.what)).toEqual([`proxy e2e ${tag}`]);
  expect(await events(`${tag} ${other}`)).toEqual([]);
  expect(await events(`${tag} never-${tag}`)).toEqual([]);
});

test('Infinity from Graphite stays 1e9999 through the proxy', async ({ request }) => {
  const response = await request.get('/api/graphite/render', {
    params: { target: 'scale(stats.statsd.numStats,1e400)', from: '-2min' },
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/\[1e9999, ?\d+\]/);
  const series: Series[] = JSON.parse(text);
  expect(series[0]?.datapoints.some(([v]) => v === Number.POSITIVE_INFINITY)).toBe(true);
});

test('Grafana-style and Graphite-style ranges give the same render', async ({ request }) => {
  const get = (from: string) =>
    request.get('/api/graphite/render', { params: { target: 'stats.statsd.numStats', from, until: 'now', maxDataPoints: '5' } });
  const [grafana, graphite] = await Promise.all([get('now-10m'), get('-10min')]);
  expect(grafana.status()).toBe(200);
  expect(await grafana.json()).toEqual(await graphite.json());
});

test('identical concurrent renders are coalesced (counted by /api/health)', async ({ request }) => {
  const stats = async () => (await (await request.get('/api/health')).json()).renders;
  const before = await stats();
  const target = `alias(stats.statsd.numStats,"coalesce-${uniqueId()}")`;
  const responses = await Promise.all(
    Array.from({ length: 50 }, () => request.get('/api/graphite/render', { params: { target, from: '-5min' } })),
  );
  expect(responses.map((r) => r.status())).toEqual(Array(50).fill(200));
  const after = await stats();
  // Other tests may render at the same time, so only lower bounds are certain.
  expect(after.upstream - before.upstream).toBeGreaterThanOrEqual(1);
  expect(after.coalesced + after.hits - (before.coalesced + before.hits)).toBeGreaterThanOrEqual(49);
});

test('/api/health: dashboard up, Graphite reachable, with latency', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  // The answer is what the health API's contract says, field by field.
  const health = healthSchema.parse(await response.json());
  expect(health).toMatchObject({ status: 'ok', dashboard: { up: true }, graphite: { reachable: true } });
  expect(health.graphite.latencyMs).toBeGreaterThan(0);
});
