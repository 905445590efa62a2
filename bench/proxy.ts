/**
 * npm run bench:proxy — the Graphite proxy's cost and its cache, measured on this machine against
 * the real graphite-web (bench/run.sh starts the stack and builds when sources are newer).
 * Prints figures; never fails on them.
 *
 * 1. Latency: the same render direct to graphite-web and through the proxy with the cache switched
 *    off by configuration (HUBWATCH_CACHE=off, `npm start` on :3200), requests interleaved one at a
 *    time; median of each and the ratio (goal <= 1.15). Two renders: a typical chart (3 series,
 *    -6h, maxDataPoints=1000) and a large one (3 series, -24h at full 10 s resolution).
 * 2. Load: autocannon, 500 concurrent connections for 20 s on one cached query through `npm start`
 *    with the cache on (:3201): requests/s and p95 latency (goal >= 3,000 req/s), and how many
 *    renders graphite-web received meanwhile: the proxy's own upstream counter (/api/health) and
 *    the `POST /render` lines added to graphite-web's access log (the machine is shared, so the
 *    log can include other people's renders; the counter cannot).
 * 3. References, since the machine is shared and small: the same query through plain `next start`
 *    (what the route handler alone manages, without server.ts's fast path), a static file of the
 *    same server (/icon.svg, through Next's router), a bare node:http server sending the same bytes
 *    (the ceiling for any Node server here), and the load average.
 *
 * Options (env): BENCH_PROXY_ROUNDS (200), BENCH_PROXY_DURATION (20 s), BENCH_PROXY_CONNECTIONS (500).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { benchEnv, graphiteBase, intInRange, text } from './bench-env';

const ROOT = join(__dirname, '..');
const ENV = benchEnv({
  GRAPHITE_URL: graphiteBase('http://127.0.0.1:8080'),
  HUBWATCH_DATA_DIR: text(join(ROOT, '.data')),
  BENCH_PROXY_ROUNDS: intInRange(1, 100_000, 200),
  BENCH_PROXY_DURATION: intInRange(1, 3600, 20),
  BENCH_PROXY_CONNECTIONS: intInRange(1, 10_000, 500),
});
const GRAPHITE = ENV.GRAPHITE_URL;
const DATA_DIR = ENV.HUBWATCH_DATA_DIR;
const ACCESS_LOG = join(DATA_DIR, 'logs', 'graphite-web-access.log');
const NO_CACHE_PORT = 3200;
const CACHED_PORT = 3201;
const BARE_PORT = 3202;
const NEXT_ONLY_PORT = 3203;
const ROUNDS = ENV.BENCH_PROXY_ROUNDS;
const WARMUP = 10;
const DURATION_S = ENV.BENCH_PROXY_DURATION;
const CONNECTIONS = ENV.BENCH_PROXY_CONNECTIONS;
const START_TIMEOUT_MS = 60_000;

type RenderSpec = { name: string; params: [string, string][] };

const STATSD_TARGETS = ['stats.statsd.numStats', 'stats.statsd.processing_time', 'sumSeries(stats.statsd.graphiteStats.*)'];
const TYPICAL: RenderSpec = {
  name: 'typical chart: 3 targets, -6h, maxDataPoints=1000',
  params: [...STATSD_TARGETS.map((t): [string, string] => ['target', t]), ['from', '-6h'], ['maxDataPoints', '1000']],
};
const LARGE: RenderSpec = {
  name: 'large: 3 targets, -24h, every 10 s point (~26k points)',
  params: [...STATSD_TARGETS.map((t): [string, string] => ['target', t]), ['from', '-24h']],
};

const directUrl = (spec: RenderSpec) => `${GRAPHITE}/render?${new URLSearchParams([...spec.params, ['format', 'json']])}`;
const proxyUrl = (port: number, spec: RenderSpec) => `http://127.0.0.1:${port}/api/graphite/render?${new URLSearchParams(spec.params)}`;

// --- servers, owned by this script -------------------------------------------------------------

const servers: ChildProcess[] = [];

/** `npm start` (server.ts: Next plus the cache-hit fast path), or with `nextOnly` plain `next start`. */
function startServer(port: number, env: Record<string, string>, nextOnly = false): ChildProcess {
  const args = nextOnly
    ? [join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)]
    : ['--import', 'tsx', join(ROOT, 'server.ts')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GRAPHITE_URL: GRAPHITE, PORT: String(port), HUBWATCH_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  servers.push(child);
  return child;
}

function stopServers(): void {
  for (const child of servers) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

/** A bare node:http server answering every request with `body`: the ceiling for a Node server. */
function startBareServer(port: number, body: string): ChildProcess {
  const script = `const body = Buffer.from(process.env.BODY ?? '');
require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); s.end(body); })
  .listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, BODY: body }, stdio: 'ignore', detached: true });
  servers.push(child);
  return child;
}

async function waitReady(port: number, path = '/api/health'): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server on :${port} did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
}

async function portFree(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) });
    return false;
  } catch {
    return true;
  }
}

// --- latency ----------------------------------------------------------------------------------

async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
  return elapsed;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function compareLatency(spec: RenderSpec) {
  const direct: number[] = [];
  const proxied: number[] = [];
  for (let i = 0; i < WARMUP; i++) {
    await timedGet(directUrl(spec));
    await timedGet(proxyUrl(NO_CACHE_PORT, spec));
  }
  // Interleaved, alternating who goes first, so drift on the shared machine hits both alike.
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      direct.push(await timedGet(directUrl(spec)));
      proxied.push(await timedGet(proxyUrl(NO_CACHE_PORT, spec)));
    } else {
      proxied.push(await timedGet(proxyUrl(NO_CACHE_PORT, spec)));
      direct.push(await timedGet(directUrl(spec)));
    }
  }
  const bytes = (await (await fetch(proxyUrl(NO_CACHE_PORT, spec))).text()).length;
  return { name: spec.name, bytes, directMs: median(direct), proxyMs: median(proxied), ratio: median(proxied) / median(direct) };
}

// --- load ---------------------------------------------------------------------------------------

type AutocannonInstance = {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number },
  done: (error: unknown, result: unknown) => void,
) => AutocannonInstance;

// autocannon ships no types: check it is the function its README documents and parse its result.
function isAutocannon(value: unknown): value is Autocannon {
  return typeof value === 'function';
}

const autocannonResult = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  duration: z.number(),
});

async function loadTest(url: string, durationS = DURATION_S) {
  const autocannon: unknown = createRequire(__filename)('autocannon');
  if (!isAutocannon(autocannon)) throw new Error('autocannon did not load as a function');
  const latencies: number[] = [];
  const raw = await new Promise<unknown>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: durationS, timeout: 30 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const result = autocannonResult.parse(raw);
  latencies.sort((a, b) => a - b);
  return {
    reqPerSec: result.requests.average,
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p95Ms: percentile(latencies, 95),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationS: result.duration,
  };
}

const renderStats = z.object({ renders: z.object({ upstream: z.number(), hits: z.number(), coalesced: z.number() }) });

async function proxyRenderStats(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
  return renderStats.parse(await response.json()).renders;
}

function accessLogRenders(): number {
  if (!existsSync(ACCESS_LOG)) return Number.NaN;
  return readFileSync(ACCESS_LOG, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"POST /render')).length;
}

// --- main -----------------------------------------------------------------------------------------

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) throw new Error('no production build: run `npm run build` first');
  for (const port of [NO_CACHE_PORT, CACHED_PORT, BARE_PORT, NEXT_ONLY_PORT]) {
    if (!(await portFree(port))) throw new Error(`port ${port} is in use; the bench starts its own servers there`);
  }
  process.on('exit', stopServers);
  process.on('SIGINT', () => process.exit(130));
  startServer(NO_CACHE_PORT, { HUBWATCH_CACHE: 'off' });
  startServer(CACHED_PORT, { HUBWATCH_CACHE: 'on' });
  await Promise.all([waitReady(NO_CACHE_PORT), waitReady(CACHED_PORT)]);

  console.log(`graphite-web: ${GRAPHITE}; proxy without cache :${NO_CACHE_PORT}, with cache :${CACHED_PORT}\n`);
  console.log(`1. Median latency, ${ROUNDS} interleaved requests each (goal: proxy/direct <= 1.15)`);
  const latency = [];
  for (const spec of [TYPICAL, LARGE]) {
    const row = await compareLatency(spec);
    latency.push(row);
    console.log(
      `   ${row.name} [${(row.bytes / 1024).toFixed(0)} KB]: direct ${fmt(row.directMs)} ms, proxy ${fmt(row.proxyMs)} ms, ratio ${fmt(row.ratio, 2)}`,
    );
  }

  // What the same server costs for a request that never reaches Graphite (a 400 from validation):
  // the part of the difference above that is Next.js itself rather than the proxy.
  const floorUrl = `http://127.0.0.1:${NO_CACHE_PORT}/api/graphite/render?target=a&maxDataPoints=0`;
  const floorTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await (await fetch(floorUrl)).text();
    floorTimes.push(performance.now() - started);
  }
  const nextFloorMs = median(floorTimes);
  console.log(`   reference: the same server answering a 400 without calling Graphite: median ${fmt(nextFloorMs)} ms`);

  const url = proxyUrl(CACHED_PORT, TYPICAL);
  console.log(`\n2. autocannon: ${CONNECTIONS} connections x ${DURATION_S} s on one cached query (goal >= 3000 req/s)`);
  await timedGet(url); // the first render fills the cache, as the first visitor would
  const statsBefore = await proxyRenderStats(CACHED_PORT);
  const logBefore = accessLogRenders();
  const load = await loadTest(url);
  const statsAfter = await proxyRenderStats(CACHED_PORT);
  const upstream = statsAfter.upstream - statsBefore.upstream;
  const logged = accessLogRenders() - logBefore;
  console.log(
    `   ${fmt(load.reqPerSec, 0)} req/s (${load.total} requests), latency p50 ${fmt(load.p50Ms)} ms, p95 ${fmt(load.p95Ms)} ms, p99 ${fmt(load.p99Ms)} ms`,
  );
  console.log(`   non-2xx ${load.non2xx}, errors/timeouts ${load.errors}`);
  console.log(
    `   renders sent to graphite-web during the run: ${upstream} (proxy counter; cache period 10 s -> about ${Math.ceil(DURATION_S / 10)}), ` +
      `${Number.isNaN(logged) ? 'access log not found' : `${logged} POST /render lines in ${ACCESS_LOG}`}`,
  );

  const refSeconds = Math.min(DURATION_S, 10);
  console.log(`\n3. References for the same load (${CONNECTIONS} connections, ${refSeconds} s)`);
  startServer(NEXT_ONLY_PORT, { HUBWATCH_CACHE: 'on' }, true);
  await waitReady(NEXT_ONLY_PORT);
  await timedGet(proxyUrl(NEXT_ONLY_PORT, TYPICAL));
  const nextOnly = await loadTest(proxyUrl(NEXT_ONLY_PORT, TYPICAL), refSeconds);
  console.log(
    `   the same cached query through plain \`next start\` (no fast path): ${fmt(nextOnly.reqPerSec, 0)} req/s, p95 ${fmt(nextOnly.p95Ms)} ms`,
  );
  const floor = await loadTest(`http://127.0.0.1:${CACHED_PORT}/icon.svg`, refSeconds);
  console.log(`   a static file of the same server (through Next): ${fmt(floor.reqPerSec, 0)} req/s, p95 ${fmt(floor.p95Ms)} ms`);
  startBareServer(BARE_PORT, await (await fetch(url)).text());
  await waitReady(BARE_PORT, '/');
  const bare = await loadTest(`http://127.0.0.1:${BARE_PORT}/`, refSeconds);
  console.log(`   bare node:http sending the same render bytes: ${fmt(bare.reqPerSec, 0)} req/s, p95 ${fmt(bare.p95Ms)} ms`);
  const [load1, load5] = loadavg();
  console.log(`   load average ${fmt(load1 ?? Number.NaN, 2)} (1 min), ${fmt(load5 ?? Number.NaN, 2)} (5 min) on ${cpus().length} CPUs`);

  const out = join(ROOT, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  const report = {
    at: new Date().toISOString(),
    loadAverage: loadavg(),
    cpus: cpus().length,
    latency,
    nextFloorMs,
    load: { ...load, connections: CONNECTIONS, upstreamRenders: upstream, accessLogRenders: logged },
    nextStartReference: nextOnly,
    staticFileReference: floor,
    bareNodeReference: bare,
  };
  writeFileSync(join(out, 'proxy.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n(figures also in bench/out/proxy.json)`);
}

main()
  .catch((error: unknown) => {
    console.error(`bench:proxy failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(stopServers);
