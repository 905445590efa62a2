/**
 * npm run bench:scale — what many hubs cost, single node and cluster side by side in one run.
 * Prints figures; never fails on them.
 *
 * Two throw-away Graphite back-ends, built from the repo's own components beside the shared stack
 * (own data dirs and HUBWATCH_PORT_OFFSET, removed afterwards):
 * - single node: one carbon-cache + its graphite-web (carbon-a + graphite-web-a, ports +30000);
 * - cluster: carbon-c-relay over two carbon-caches, a graphite-web per node, the federating front
 *   (ports +40000);
 * and a dashboard (`server.ts`, render cache off so every request reaches Graphite) on each.
 * For 1, 10 and 100 hubs, an hour of realistic metrics per hub (what the collector + StatsD
 * write: every counter, the four gauges, the spawn-wait timer with its histogram bins) goes in
 * through carbon's plaintext protocol with past timestamps; then it measures `/api/status` for
 * one hub, `/hubs` (and `/api/hubs`), a find of every hub, and whisper disk per hub.
 * Goals: a hub's status costs the same with 100 hubs as with 1; /hubs for 100 hubs
 * under 1 s on the cluster.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { COUNTER_KEYS, GAUGE_KEYS, HISTOGRAM_BINS, TIMER_FIELDS } from '../lib/catalog';
import { benchEnv, intInRange, optionalText, text } from './bench-env';

const ROOT = join(__dirname, '..');
const ENV = benchEnv({
  HUBWATCH_DATA_DIR: text(join(ROOT, '.data')),
  BENCH_SCALE_DIR: optionalText,
  BENCH_SCALE_HUBS: text('1,10,100').pipe(z.string().regex(/^\d+(,\d+)*$/, 'must be hub counts separated by commas')),
  BENCH_SCALE_MINUTES: intInRange(1, 10_080, 60),
  BENCH_SCALE_RUNS: intInRange(1, 100, 9),
  BENCH_SCALE_KEEP: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0')),
});
const BASE_DIR = ENV.BENCH_SCALE_DIR ?? join(ENV.HUBWATCH_DATA_DIR, 'bench-scale');
const STEPS = ENV.BENCH_SCALE_HUBS.split(',').map(Number);
const MINUTES = ENV.BENCH_SCALE_MINUTES;
const RUNS = ENV.BENCH_SCALE_RUNS;
const KEEP = ENV.BENCH_SCALE_KEEP === '1';

type Topology = {
  name: 'single node' | 'cluster';
  dir: string;
  offset: number;
  components: string[];
  /** Where metrics are written (carbon plaintext) and the graphite-web hubwatch reads. */
  writePort: number;
  graphitePort: number;
  nodes: string;
  whisperDirs: string[];
  appPort: number;
  app?: ChildProcess;
};

const topologies: Topology[] = [
  {
    name: 'single node',
    dir: join(BASE_DIR, 'single'),
    offset: 30_000,
    components: ['carbon-a', 'graphite-web-a'],
    writePort: 32_013,
    graphitePort: 38_091,
    nodes: '',
    whisperDirs: [join(BASE_DIR, 'single', 'cluster', 'a', 'whisper')],
    appPort: 3121,
  },
  {
    name: 'cluster',
    dir: join(BASE_DIR, 'cluster'),
    offset: 40_000,
    components: ['carbon-a', 'carbon-b', 'relay', 'graphite-web-a', 'graphite-web-b', 'graphite-front'],
    writePort: 42_003,
    graphitePort: 48_080,
    nodes: 'http://127.0.0.1:48091 http://127.0.0.1:48092',
    whisperDirs: ['a', 'b'].map((n) => join(BASE_DIR, 'cluster', 'cluster', n, 'whisper')),
    appPort: 3122,
  },
];

const hubName = (i: number) => `bench${String(i).padStart(3, '0')}`;

function stack(t: Topology, command: 'start' | 'stop'): void {
  execFileSync('bash', ['stack/stack.sh', command, ...t.components], {
    cwd: ROOT,
    env: { ...process.env, HUBWATCH_DATA_DIR: t.dir, HUBWATCH_PORT_OFFSET: String(t.offset), HUBWATCH_CARBON_MAX_CREATES: 'inf' },
    stdio: 'ignore',
    timeout: 180_000,
  });
}

/** An hour of one hub as StatsD would have flushed it: 10 s points, plausible values. */
function hubLines(hub: string, end: number): string[] {
  const lines: string[] = [];
  const prefix = `stats.counters.jupyterhub.${hub}`;
  for (let at = end - MINUTES * 60; at < end; at += 10) {
    for (const key of COUNTER_KEYS) lines.push(`${prefix}.${key}.count ${key === 'spawns.success' ? (at % 30 === 0 ? 1 : 0) : 0} ${at}`);
    for (const code of ['200', '302', '404', '500']) lines.push(`${prefix}.requests.status.${code}.count ${code === '200' ? 40 : 1} ${at}`);
    const g = `stats.gauges.jupyterhub.${hub}`;
    for (const key of GAUGE_KEYS) lines.push(`${g}.${key} ${key === 'hub.up' ? 1 : key === 'hub.health_ms' ? 12 : 30} ${at}`);
    const t = `stats.timers.jupyterhub.${hub}.spawns.duration`;
    for (const field of TIMER_FIELDS) lines.push(`${t}.${field} ${field === 'count' ? 1 : 2500} ${at}`);
    for (const bound of HISTOGRAM_BINS['spawns.duration']) {
      const bin = bound === Infinity ? 'inf' : String(bound);
      lines.push(`${t}.histogram.bin_${bin} ${bound === 3000 ? 1 : 0} ${at}`);
    }
  }
  return lines;
}

function send(port: number, lines: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(`${lines.join('\n')}\n`));
    socket.on('close', (hadError) => (hadError ? reject(new Error(`carbon :${port} closed with an error`)) : resolve()));
    socket.on('error', reject);
  });
}

async function get(url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

/** `url` may vary per request (`i`: 0 warms up, then 1..RUNS) to get past a cache keyed by URL. */
async function timed(url: string | ((i: number) => string)): Promise<{ p50: number; max: number; status: number }> {
  const urlOf = typeof url === 'string' ? () => url : url;
  await get(urlOf(0)); // warm: first request compiles the route
  const times: number[] = [];
  let status = 0;
  for (let i = 1; i <= RUNS; i++) {
    const answer = await get(urlOf(i));
    status = answer.status;
    times.push(answer.ms);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0, status };
}

function startApp(t: Topology): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(t.appPort),
      HUBWATCH_HOST: '127.0.0.1',
      GRAPHITE_URL: `http://127.0.0.1:${t.graphitePort}`,
      HUBWATCH_GRAPHITE_NODES: t.nodes,
      HUBWATCH_CACHE: 'off',
    },
    stdio: 'ignore',
    detached: true,
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
}

function diskBytes(dir: string): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    const st = statSync(path);
    total += st.isDirectory() ? diskBytes(path) : st.blocks * 512;
  }
  return total;
}

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(8);

async function main(): Promise<void> {
  mkdirSync(BASE_DIR, { recursive: true });
  const rows: string[] = [];
  try {
    for (const t of topologies) {
      stack(t, 'start');
      t.app = startApp(t);
    }
    for (const t of topologies) {
      await waitFor(`dashboard :${t.appPort}`, async () => (await get(`http://127.0.0.1:${t.appPort}/api/health`)).status === 200, 90_000);
    }
    let written = 0;
    for (const hubs of STEPS) {
      const end = Math.floor(Date.now() / 1000 / 10) * 10;
      const started = performance.now();
      for (let i = written + 1; i <= hubs; i++) {
        const lines = hubLines(hubName(i), end);
        await Promise.all(topologies.map((t) => send(t.writePort, lines)));
      }
      written = hubs;
      for (const t of topologies) {
        await waitFor(`${hubs} hubs in ${t.name}`, async () => {
          const answer = await get(`http://127.0.0.1:${t.appPort}/api/graphite/find?query=stats.gauges.jupyterhub.*`);
          return answer.status === 200 && (JSON.parse(answer.body) as unknown[]).length >= hubs;
        });
      }
      console.log(
        `${hubs} hubs written to both (${((performance.now() - started) / 1000).toFixed(1)} s, ${MINUTES} min of 10 s points each)`,
      );
      for (const t of topologies) {
        const app = `http://127.0.0.1:${t.appPort}`;
        // server.ts keeps a whole /api/status answer for 2 s by URL, and the status under it is shared
        // per range: a range one second longer each time makes every request compute its status.
        const status = await timed((i) => `${app}/api/status?hub=${hubName(1)}&from=-${3600 + i}s`);
        const page = await timed(`${app}/hubs`);
        const api = await timed(`${app}/api/hubs`);
        const find = await timed(`${app}/api/graphite/find?query=stats.gauges.jupyterhub.*`);
        const disk = t.whisperDirs.reduce((sum, d) => sum + diskBytes(join(d, 'stats')), 0);
        rows.push(
          `${String(hubs).padStart(4)} | ${t.name.padEnd(11)} | ${ms(status.p50)} ${ms(status.max)} | ${ms(page.p50)} ${ms(page.max)} | ${ms(api.p50)} | ${ms(find.p50)} | ${(disk / hubs / 1024 / 1024).toFixed(1).padStart(6)} MB`,
        );
        if (status.status !== 200 || page.status !== 200) rows.push(`     (answers: status ${status.status}, /hubs ${page.status})`);
      }
    }
  } finally {
    for (const t of topologies) {
      if (t.app?.pid !== undefined) {
        try {
          process.kill(-t.app.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      try {
        stack(t, 'stop');
      } catch (error) {
        console.error(`stopping ${t.name}:`, error);
      }
    }
    if (!KEEP) rmSync(BASE_DIR, { recursive: true, force: true });
  }
  console.log(`\nmedian and max of ${RUNS} requests each, render cache off (every request reaches Graphite)`);
  console.log('hubs | topology    | /api/status 1 hub | /hubs (HTML)      | /api/hubs | find all | whisper/hub');
  console.log('-----|-------------|-------------------|-------------------|-----------|----------|------------');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
