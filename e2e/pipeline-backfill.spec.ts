import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { APP_URL } from './support/app-ports';
import { E2E_DEPLOY_TOKEN } from './support/deploy-token';
import { forgetHub } from './support/forget-hub';

// hubwatch-collector backfill into the shared stack's real carbon, read back through graphite-web
// and the dashboard. Writes only throw-away hubs (deleted afterwards); it does not restart or stop
// any stack component. Its logs are the repo's captures and the simulator's generated history, not
// the running hub's, so it passes the same on every JupyterHub version the pipeline project runs.

const repo = process.cwd();
const GRAPHITE = 'http://127.0.0.1:8080';
const tag = Date.now().toString(36);
const work = mkdtempSync(join(tmpdir(), 'hubwatch-backfill-e2e-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tsx(args: string[], env: Record<string, string> = {}, stdin?: Buffer): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? Buffer.alloc(0));
  });
}

type Datapoints = Array<[number | null, number]>;

async function render(target: string, from: string | number, until: string | number = 'now'): Promise<Map<string, Datapoints>> {
  const url = `${GRAPHITE}/render?target=${encodeURIComponent(target)}&from=${from}&until=${until}&format=json`;
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  expect(response.status, url).toBe(200);
  const series = (await response.json()) as Array<{ target: string; datapoints: Datapoints }>;
  return new Map(series.map((s) => [s.target, s.datapoints]));
}

/** Per series: the sum (counts, bins, sums), max (upper) or min (lower) over the range. */
async function totals(hub: string, from: string | number, until: string | number = 'now'): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (prefix: string, series: Map<string, Datapoints>, how: 'sum' | 'max' | 'min') => {
    for (const [target, points] of series) {
      const values = points.flatMap(([v]) => (v === null ? [] : [v]));
      if (values.length === 0) continue;
      // A counter by its key (`spawns.success`), a timer's field by key and field.
      const rest = target.slice(target.indexOf(`.${hub}.`) + hub.length + 2);
      const key = target.startsWith('stats.counters.') ? rest.replace(/\.count$/, '') : rest;
      const value = how === 'sum' ? values.reduce((a, b) => a + b, 0) : how === 'max' ? Math.max(...values) : Math.min(...values);
      if (value !== 0 || how === 'sum') out.set(`${prefix}${key}`, Math.round(value * 1000) / 1000);
    }
  };
  add('', await render(`stats.counters.jupyterhub.${hub}.*.*.count`, from, until), 'sum');
  add('', await render(`stats.counters.jupyterhub.${hub}.*.*.*.count`, from, until), 'sum');
  add('', await render(`stats.timers.jupyterhub.${hub}.*.*.{count,sum}`, from, until), 'sum');
  add('', await render(`stats.timers.jupyterhub.${hub}.*.*.histogram.bin_*`, from, until), 'sum');
  add('max ', await render(`stats.timers.jupyterhub.${hub}.*.*.upper`, from, until), 'max');
  add('min ', await render(`stats.timers.jupyterhub.${hub}.*.*.lower`, from, until), 'min');
  for (const [key, n] of out) if (n === 0 && !key.includes(' ')) out.delete(key);
  return out;
}

async function settled(read: () => Promise<Map<string, number>>, expectKey: string, expected: number): Promise<Map<string, number>> {
  let seen = new Map<string, number>();
  // carbon creates a new series' file when its writer gets to it: on a busy machine that takes a while.
  for (let i = 0; i < 90; i++) {
    seen = await read();
    if (seen.get(expectKey) === expected) {
      // One more look: carbon writes series one after another.
      await sleep(3_000);
      return read();
    }
    await sleep(2_000);
  }
  return seen;
}

type Listed = { deployments: Array<{ id: number; when: number; what: string; kind: string; source: string }> };

async function listed(request: APIRequestContext, hub: string): Promise<Listed['deployments']> {
  const response = await request.get(`/api/deployments?hub=${hub}&from=-15d&until=now`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as Listed).deployments;
}

for (const version of ['3.0', '6.1.1']) {
  test(`backfill of the real ${version} capture writes what the live collector writes through StatsD`, async () => {
    test.setTimeout(240_000);
    const log = readFileSync(join(repo, 'collector', 'fixtures', `jupyterhub-${version}`, 'once-hub.log'));
    const live = `e2elive${tag}${version.replaceAll('.', '')}`;
    const back = `e2eback${tag}${version.replaceAll('.', '')}`;
    const started = Math.floor(Date.now() / 1000) - 30;
    try {
      // The live path: the collector reads the log from stdin, sends to the real StatsD, which flushes into carbon.
      const collector = await tsx(['collector/cli.ts', '--hub-log', '-', '--hub-name', live, '--statsd', '127.0.0.1:8125'], {}, log);
      expect(collector.code, collector.stderr).toBe(0);
      const spawns = (log.toString('latin1').match(/ took [\d.]+ seconds to start/g) ?? []).length;
      const liveTotals = await settled(() => totals(live, started), 'spawns.success', spawns);

      const run = await tsx([
        'collector/cli.ts',
        'backfill',
        '--hub-name',
        back,
        '--tz',
        'UTC',
        join(repo, 'collector', 'fixtures', `jupyterhub-${version}`, 'once-hub.log'),
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/nothing skipped/);
      const backTotals = await settled(() => totals(back, '-30d'), 'spawns.success', spawns);
      expect(backTotals.get('spawns.success')).toBe(spawns);
      expect(backTotals.get('spawns.duration.histogram.bin_inf') ?? 0).toBe(liveTotals.get('spawns.duration.histogram.bin_inf') ?? 0);
      expect(Object.fromEntries(backTotals)).toEqual(Object.fromEntries(liveTotals));

      // Again: whole buckets overwrite, nothing doubles.
      const again = await tsx([
        'collector/cli.ts',
        'backfill',
        '--hub-name',
        back,
        '--tz',
        'UTC',
        join(repo, 'collector', 'fixtures', `jupyterhub-${version}`, 'once-hub.log'),
      ]);
      expect(again.code, again.stderr).toBe(0);
      await sleep(8_000);
      expect(Object.fromEntries(await totals(back, '-30d'))).toEqual(Object.fromEntries(backTotals));
    } finally {
      await forgetHub(live, { removeWhisper: true });
      await forgetHub(back, { removeWhisper: true });
    }
  });
}

test("the demo's fortnight: three past deployments recorded once, judged No change, Worse, No change", async ({ request }) => {
  test.setTimeout(300_000);
  const hub = `e2ehist${tag}`;
  const file = join(work, 'history.log');
  const generated = await tsx(['simulator/history-cli.ts', '--out', file]);
  expect(generated.code, generated.stderr).toBe(0);
  const args = ['collector/cli.ts', 'backfill', '--hub-name', hub, '--tz', 'UTC', '--dashboard-url', APP_URL, file];
  const env = { HUBWATCH_DEPLOY_TOKEN: E2E_DEPLOY_TOKEN };
  try {
    const first = await tsx(args, env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/3 past deployments\/restarts in the log: 3 recorded, 0 already there/);
    const spawns = (readFileSync(file, 'latin1').match(/ took [\d.]+ seconds to start/g) ?? []).length;
    const stored = await settled(() => totals(hub, '-15d'), 'spawns.success', spawns);
    expect(stored.get('spawns.success')).toBe(spawns);

    const deployments = (await listed(request, hub)).sort((a, b) => a.when - b.when);
    expect(deployments.map((d) => [d.kind, d.source])).toEqual([
      ['deploy', 'auto'],
      ['deploy', 'auto'],
      ['deploy', 'auto'],
    ]);
    expect(deployments[1]?.what).toBe('spawner fault_spawner.FaultSpawner-1.1 -> fault_spawner.FaultSpawner-1.2');
    const verdicts: string[] = [];
    for (const d of deployments) {
      const response = await request.get(`/api/deployments/${d.id}/impact`);
      expect(response.status()).toBe(200);
      const impact = (await response.json()) as { verdict: string; comparison: string; reason: string };
      expect(impact.comparison, impact.reason).toBe('before_and_last_week');
      verdicts.push(impact.verdict);
    }
    expect(verdicts).toEqual(['no_change', 'worse', 'no_change']);

    // Importing again records nothing new and changes no count.
    const second = await tsx(args, env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/: 0 recorded, 3 already there/);
    expect(await listed(request, hub)).toHaveLength(3);
    await sleep(8_000);
    expect(Object.fromEntries(await totals(hub, '-15d'))).toEqual(Object.fromEntries(stored));
  } finally {
    for (const d of await listed(request, hub)) {
      await request.delete(`/api/deployments/${d.id}`, { headers: { authorization: `Bearer ${E2E_DEPLOY_TOKEN}` } });
    }
    await forgetHub(hub, { removeWhisper: true });
  }
});
