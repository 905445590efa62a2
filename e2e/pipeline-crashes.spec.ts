import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { CONTRACT_KEYS, type LedgerEntry, parseLedger, summarise } from '../simulator/ledger';
import { restartHub } from './support/demo-hub-config';
import { forgetHub } from './support/forget-hub';
import { expectedHubVersion, isVersion } from './support/hub-version';
import { withDemoHub } from './support/simulated-class';
import { CLUSTER } from './support/stack-mode';
import { type Child, startTsx, stopChild } from './support/tsx-child';

// MUTATES THE STACK: the simulator's --crashes scenario stops and starts the shared demo hub (with
// cleanup_servers=False and named servers, then back to its defaults). Run it under the exclusive
// lock: flock -x /tmp/hubwatch-e2e.lock npx playwright test e2e/pipeline-crashes.spec.ts
//
// End to end on the real hub, every way a server dies across a restart: killed while the hub is down
// (found when it starts again), resumed by the hub and later found dead by its poll, default and named
// servers, stops on purpose. The collector tails the hub's log through all of it; Graphite's
// counts must equal the simulator's ledger exactly, each death one servers.crashed.

const repo = process.cwd();
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(repo, '.data');
const hubLog = join(dataDir, 'logs', 'hub.log');
const collectorTokenFile = join(dataDir, 'etc', 'jupyterhub_api_token');
const simulatorTokenFile = join(dataDir, 'etc', 'jupyterhub_simulator_token');
const hubName = `e2ecr${Date.now().toString(36)}`;

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
  for (const series of body) totals[series.target] = series.datapoints.reduce((sum, [value]) => sum + (value ?? 0), 0);
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

/** The hub's own version, as the collector's token reads it. */
async function hubVersion(request: APIRequestContext): Promise<string> {
  const response = await request.get('http://127.0.0.1:8081/hub/api/');
  const body = (await response.json()) as { version?: string };
  return body.version ?? '';
}

/** The last hub action of the ledger was the start back on the settings it was given. */
const restored = (entries: readonly LedgerEntry[]): boolean => {
  const last = entries.filter((e) => e.kind === 'hub').at(-1);
  return last?.kind === 'hub' && last.action === 'start' && last.outcome === 'done' && Object.keys(last.settings).length === 0;
};

test.describe.configure({ mode: 'serial' });
test.skip(CLUSTER, 'how the hub logs a death does not depend on the storage: checked on the single node only');

let workDir = '';

test.beforeAll(() => {
  for (const file of [hubLog, collectorTokenFile, simulatorTokenFile]) {
    if (!existsSync(file)) throw new Error(`${file} missing: start the demo hub first (bash stack/stack.sh start hub)`);
  }
  workDir = mkdtempSync(join(tmpdir(), 'hubwatch-crashes-'));
});

test.afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

test('every death across a hub restart is one servers.crashed, named servers counted like any', async ({ request }) => {
  // a few minutes waiting for another spec to release the hub, ~2.5 min for this run
  test.setTimeout(600_000);
  await withDemoHub(async () => {
    const collector = startTsx(
      ['collector/cli.ts', '--hub-log', hubLog, '--hub-url', 'http://127.0.0.1:8000', '--hub-name', hubName, '--interval', '5'],
      { HUBWATCH_HUB_TOKEN: readFileSync(collectorTokenFile, 'utf8').trim() },
    );
    const ledgerPath = join(workDir, 'ledger.jsonl');
    let entries: LedgerEntry[] = [];
    try {
      await driveAndCompare(request, collector, ledgerPath, (read) => {
        entries = read;
      });
    } finally {
      await stopChild(collector);
      // a run that broke off may have left the hub stopped or on the scenario's settings
      if (!restored(existsSync(ledgerPath) ? parseLedger(readFileSync(ledgerPath, 'utf8')) : entries)) await restartHub({});
      await forgetHub(hubName, { removeWhisper: true });
    }
  });
  expect(isVersion(await hubVersion(request), expectedHubVersion()), 'the hub is back on the version under test').toBe(true);
});

async function driveAndCompare(
  request: APIRequestContext,
  collector: Child,
  ledgerPath: string,
  keep: (entries: LedgerEntry[]) => void,
): Promise<void> {
  await expect.poll(() => collector.output(), { timeout: 30_000 }).toMatch(/from its end/);

  const startedAt = Math.floor(Date.now() / 1000);
  // Only the version under test and the scenario's own settings reach the hub's restarts: every other
  // JH_* of this process is blanked (the stack reads an empty value as the default).
  const blank = Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => key.startsWith('JH_'))
      .map((key) => [key, '']),
  );
  const simulator = startTsx(['simulator/cli.ts', '--crashes', '--ledger', ledgerPath], {
    ...blank,
    JH_VERSION: expectedHubVersion(),
    HUBWATCH_DATA_DIR: dataDir,
  });
  const code = await simulator.exited;
  const entries = parseLedger(readFileSync(ledgerPath, 'utf8'));
  keep(entries);
  expect(code, simulator.output()).toBe(0);

  const summary = summarise(entries);
  expect(summary.unknown, 'actions whose outcome the simulator could not establish').toBe(0);
  expect(restored(entries), 'the simulator put the hub back on its settings').toBe(true);
  // both kinds of death happened, and named servers started, failed, stopped and died
  const found = entries.flatMap((e) => (e.kind === 'crash' && e.outcome === 'crashed' ? [e.found ?? 'poll'] : []));
  expect(found.sort()).toEqual(['hub-start', 'hub-start', 'poll']);
  const named = new Set(
    entries.flatMap((e) =>
      (e.kind === 'spawn' || e.kind === 'stop' || e.kind === 'crash') && e.server !== undefined ? [`${e.kind}:${e.outcome}`] : [],
    ),
  );
  expect([...named].sort()).toEqual(['crash:crashed', 'spawn:error', 'spawn:success', 'stop:stopped']);
  expect(summary.counts['servers.stopped'], 'stops on purpose').toBeGreaterThanOrEqual(2);

  const prefix = `stats.counters.jupyterhub.${hubName}`;
  const durationTarget = `stats.timers.jupyterhub.${hubName}.spawns.duration.count`;
  const targets = [...CONTRACT_KEYS.map((key) => `${prefix}.${key}.count`), durationTarget];
  const expected: Record<string, number> = { [durationTarget]: summary.counts['spawns.success'] };
  for (const key of CONTRACT_KEYS) expected[`${prefix}.${key}.count`] = summary.counts[key];

  // From one 10 s bucket before the start (render excludes the bucket at `from`); a count that
  // overshoots (a death counted twice, a stop counted as a crash) never converges and fails with a diff.
  const from = startedAt - 11;
  await expect.poll(() => sums(request, targets, from), { timeout: 90_000, intervals: [2_000] }).toEqual(expected);
  // and stays so: nothing counted twice was still on its way (two more StatsD flushes)
  await new Promise((resolve) => setTimeout(resolve, 21_000));
  expect(await sums(request, targets, from)).toEqual(expected);

  // privacy: neither the run's user names nor its server names become metric names
  const tag = entries.find((entry) => entry.kind === 'run')?.tag ?? 'missing-tag';
  const paths = await metricPaths(request);
  expect(paths.length).toBeGreaterThan(0);
  expect(paths.filter((path) => path.includes(tag) || /(student|broken)\d|\.lab2?\b/.test(path))).toEqual([]);
}
