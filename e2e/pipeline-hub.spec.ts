import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { CONTRACT_KEYS, parseLedger, summarise } from '../simulator/ledger';
import { forgetHub } from './support/forget-hub';
import { withDemoHub } from './support/simulated-class';
import { type Child, startTsx, stopChild } from './support/tsx-child';

// End to end against the real demo hub: the classroom simulator causes known events
// on the JupyterHub that `stack.sh start ... hub` runs, the collector tails that hub's log and
// sends them through StatsD and carbon, and the counts read back through the dashboard's
// /api/graphite/render must equal the simulator's ledger exactly. No mocks anywhere.

const repo = process.cwd();
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(repo, '.data');
const hubLog = join(dataDir, 'logs', 'hub.log');
const collectorTokenFile = join(dataDir, 'etc', 'jupyterhub_api_token');
const simulatorTokenFile = join(dataDir, 'etc', 'jupyterhub_simulator_token');
// A fresh hub name per run: its series start at zero, whatever earlier runs left in Graphite.
const hubName = `e2e${Date.now().toString(36)}`;

type Series = { target: string; datapoints: [number | null, number][] };

function isSeriesList(value: unknown): value is Series[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'object' && s !== null && 'target' in s && 'datapoints' in s);
}

/** Sum of every point of each target over [from, now]; a target Graphite has no series for counts 0. */
async function sums(request: APIRequestContext, targets: string[], from: number): Promise<Record<string, number>> {
  const params = new URLSearchParams({ from: String(from), until: 'now' });
  for (const target of targets) params.append('target', target);
  const response = await request.get(`/api/graphite/render?${params}`);
  expect(response.status(), await response.text()).toBe(200);
  const body: unknown = await response.json();
  if (!isSeriesList(body)) throw new Error('render answered something that is not a series list');
  const totals: Record<string, number> = {};
  for (const target of targets) totals[target] = 0;
  for (const series of body) {
    totals[series.target] = series.datapoints.reduce((sum, [value]) => sum + (value ?? 0), 0);
  }
  return totals;
}

/** Every metric path under the run's prefix, walked through /api/graphite/find. */
async function metricPaths(request: APIRequestContext): Promise<string[]> {
  const leaves: string[] = [];
  const queue = [`stats.*.jupyterhub.${hubName}`];
  for (let guard = 0; queue.length > 0 && guard < 500; guard += 1) {
    const node = queue.shift() ?? '';
    const response = await request.get(`/api/graphite/find?${new URLSearchParams({ query: `${node}.*` })}`);
    expect(response.status()).toBe(200);
    const found: unknown = await response.json();
    if (!Array.isArray(found)) throw new Error('find answered something that is not a list');
    for (const item of found as unknown[]) {
      if (typeof item !== 'object' || item === null || !('path' in item) || typeof item.path !== 'string') continue;
      ('leaf' in item && item.leaf === true ? leaves : queue).push(item.path);
    }
  }
  return leaves;
}

test.describe.configure({ mode: 'serial' });

let workDir = '';

test.beforeAll(() => {
  for (const file of [hubLog, collectorTokenFile, simulatorTokenFile]) {
    if (!existsSync(file)) throw new Error(`${file} missing: start the demo hub first (bash stack/stack.sh start hub)`);
  }
  workDir = mkdtempSync(join(tmpdir(), 'hubwatch-pipeline-'));
});

test.afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

test('the collector counts exactly what the classroom simulator did to the real hub', async ({ request }) => {
  // up to a few minutes waiting for another spec to release the hub, ~1.5 min for this run
  test.setTimeout(600_000);
  // The collector counts every line of the hub's log, so nothing else may drive the hub meanwhile:
  // the demo-hub lock the status specs take too (a second simulator run was tried: the counts
  // became the sum of both ledgers and this test failed with the diff).
  await withDemoHub(async () => {
    const collector = startTsx(
      ['collector/cli.ts', '--hub-log', hubLog, '--hub-url', 'http://127.0.0.1:8000', '--hub-name', hubName, '--interval', '5'],
      { HUBWATCH_HUB_TOKEN: readFileSync(collectorTokenFile, 'utf8').trim() },
    );
    try {
      await driveAndCompare(request, collector);
    } finally {
      await stopChild(collector);
      await forgetHub(hubName, { removeWhisper: true });
    }
  });
});

async function driveAndCompare(request: APIRequestContext, collector: Child): Promise<void> {
  // it tails from the end of the log: lines written before it started are not this run's
  await expect.poll(() => collector.output(), { timeout: 30_000 }).toMatch(/from its end/);

  const startedAt = Math.floor(Date.now() / 1000);
  const ledgerPath = join(workDir, 'ledger.jsonl');
  const simulator = startTsx(['simulator/cli.ts', '--once', '--ledger', ledgerPath], { HUBWATCH_DATA_DIR: dataDir });
  const code = await simulator.exited;
  expect(code, simulator.output()).toBe(0);

  const entries = parseLedger(readFileSync(ledgerPath, 'utf8'));
  const summary = summarise(entries);
  expect(summary.unknown, 'actions whose outcome the simulator could not establish').toBe(0);
  // the --once scenario exists to exercise every key; a key it did not reach proves nothing
  for (const key of CONTRACT_KEYS) expect(summary.counts[key], `ledger count of ${key}`).toBeGreaterThan(0);

  const prefix = `stats.counters.jupyterhub.${hubName}`;
  const durationTarget = `stats.timers.jupyterhub.${hubName}.spawns.duration.count`;
  const targets = [...CONTRACT_KEYS.map((key) => `${prefix}.${key}.count`), durationTarget];
  const expected: Record<string, number> = { [durationTarget]: summary.counts['spawns.success'] };
  for (const key of CONTRACT_KEYS) expected[`${prefix}.${key}.count`] = summary.counts[key];

  // From one 10 s bucket before the start, minus 1 because render excludes the bucket at `from`.
  // The wait covers the collector's read, StatsD's 10 s flush and carbon; a count that overshoots
  // never converges and fails with a diff.
  const from = startedAt - 11;
  await expect.poll(() => sums(request, targets, from), { timeout: 90_000, intervals: [2_000] }).toEqual(expected);
  // and stays so: nothing counted twice was still on its way (two more StatsD flushes)
  await new Promise((resolve) => setTimeout(resolve, 21_000));
  expect(await sums(request, targets, from)).toEqual(expected);

  // privacy: user names (this run's tag is in every one of them) never become metric names
  const tag = entries.find((entry) => entry.kind === 'run')?.tag ?? 'missing-tag';
  const paths = await metricPaths(request);
  expect(paths.length).toBeGreaterThan(0);
  expect(paths.filter((path) => path.includes(tag) || /(student|broken|hang|mute|crash)\d/.test(path))).toEqual([]);
}
