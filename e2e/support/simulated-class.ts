import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { CONTRACT_KEYS, parseLedger, type Summary, summarise } from '../../simulator/ledger';
import { forgetHub } from './forget-hub';
import { CLUSTER } from './stack-mode';
import { startTsx, stopChild } from './tsx-child';

/**
 * One real lecture for the status tests: the classroom simulator (`--once`) drives the demo hub,
 * the collector tails the hub's log under a fresh hub name, and we wait until `/api/status`
 * has every count the ledger predicts. The result (hub name, absolute range, ledger summary) is
 * kept in the data dir so the API and browser specs share one run instead of driving the hub
 * twice; a lock directory makes concurrent workers wait for the one doing it.
 */

export interface SimulatedClass {
  hub: string;
  /** Absolute range [from, until) in epoch seconds that contains the whole run. */
  from: number;
  until: number;
  summary: Summary;
  /** Client-measured seconds of each successful start (upper bounds of the hub's own timing). */
  successSeconds: number[];
  /** Suffix of every user name of this run: it must never show up on a page. */
  tag: string;
  createdAt: number;
}

const repo = process.cwd();
const dataDir = process.env.HUBWATCH_DATA_DIR ?? join(repo, '.data');
const runDir = join(dataDir, 'run');
// One run per stack: the single node's run is not in the cluster's whisper trees.
const resultFile = join(runDir, CLUSTER ? 'e2e-status-class-cluster.json' : 'e2e-status-class.json');
/** Held by whoever drives the demo hub (e2e/pipeline-hub.spec.ts takes the same one). */
const lockDir = join(runDir, 'e2e-status-class.lock');
const hubLog = join(dataDir, 'logs', 'hub.log');
const collectorTokenFile = join(dataDir, 'etc', 'jupyterhub_api_token');
/** A run stays usable while its 10-second data is in Graphite (1 day); refresh it well before. */
const REUSE_SECONDS = 3 * 3600;
const LOCK_STALE_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nowSeconds = () => Math.floor(Date.now() / 1000);

function readResult(): SimulatedClass | null {
  if (!existsSync(resultFile)) return null;
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SimulatedClass;
  // A run recorded before a contract key was added cannot answer for it, nor one that did not
  // reach every key (the --once scenario exists to exercise each; pipeline-hub.spec.ts checks it).
  const complete = CONTRACT_KEYS.every((key) => (result.summary.counts[key] ?? 0) > 0);
  return complete && nowSeconds() - result.createdAt < REUSE_SECONDS ? result : null;
}

function tryLock(): boolean {
  try {
    mkdirSync(lockDir);
    return true;
  } catch {
    // A lock left by a killed run must not block every later run.
    const age = existsSync(lockDir) ? Date.now() - statSync(lockDir).mtimeMs : 0;
    if (age > LOCK_STALE_MS) rmSync(lockDir, { recursive: true, force: true });
    return false;
  }
}

interface StatusCounts {
  spawns: { success: number; failureByReason: Record<string, number>; throttled: number; limited: number };
  logins: { success: number; failure: number };
  servers: { crashed: number; stopped: number };
  requests: { spawnFailures5xx: number };
}

/** The ledger's keys as /api/status reports them. */
export function statusCounts(body: StatusCounts): Record<string, number> {
  return {
    'logins.success': body.logins.success,
    'logins.failure': body.logins.failure,
    'spawns.success': body.spawns.success,
    'spawns.failure.error': body.spawns.failureByReason.error ?? -1,
    'spawns.failure.exited': body.spawns.failureByReason.exited ?? -1,
    'spawns.failure.timeout': body.spawns.failureByReason.timeout ?? -1,
    'spawns.failure.http_timeout': body.spawns.failureByReason.http_timeout ?? -1,
    'spawns.throttled': body.spawns.throttled,
    'spawns.limited': body.spawns.limited,
    'servers.crashed': body.servers.crashed,
    'servers.stopped': body.servers.stopped,
    'requests.spawn_5xx': body.requests.spawnFailures5xx,
  };
}

/** Start of the latest 10-second bucket in which any contract counter of `hub` is non-zero. */
async function lastCountBucket(request: APIRequestContext, hub: string, from: number): Promise<number> {
  const params = new URLSearchParams({ from: String(from - 1), until: 'now' });
  params.append('target', `stats.counters.jupyterhub.${hub}.{logins,spawns,servers}.*.count`);
  params.append('target', `stats.counters.jupyterhub.${hub}.spawns.failure.*.count`);
  const response = await request.get(`/api/graphite/render?${params}`);
  if (!response.ok()) throw new Error(`render failed: ${response.status()} ${await response.text()}`);
  const series = (await response.json()) as { datapoints: [number | null, number][] }[];
  let last = from;
  for (const s of series) for (const [value, ts] of s.datapoints) if (value !== null && value > 0 && ts > last) last = ts;
  return last;
}

async function runClass(request: APIRequestContext): Promise<SimulatedClass> {
  for (const file of [hubLog, collectorTokenFile]) {
    if (!existsSync(file)) throw new Error(`${file} missing: start the demo hub first (bash stack/stack.sh start hub)`);
  }
  const hub = `st${Date.now().toString(36)}`;
  const ledgerPath = join(runDir, `e2e-status-${hub}.jsonl`);
  const collector = startTsx(
    ['collector/cli.ts', '--hub-log', hubLog, '--hub-url', 'http://127.0.0.1:8000', '--hub-name', hub, '--interval', '5'],
    { HUBWATCH_HUB_TOKEN: readFileSync(collectorTokenFile, 'utf8').trim() },
  );
  let finished = false;
  try {
    for (let i = 0; i < 60 && !/from its end/.test(collector.output()); i++) await sleep(500);
    // StatsD stamps a count with its flush time, never earlier than the event: the run's first
    // count lands in this bucket or a later one.
    const from = Math.floor(nowSeconds() / 10) * 10;
    const simulator = startTsx(['simulator/cli.ts', '--once', '--ledger', ledgerPath], { HUBWATCH_DATA_DIR: dataDir });
    const code = await simulator.exited;
    if (code !== 0) throw new Error(`simulator failed (${code}): ${simulator.output().slice(-2000)}`);
    const entries = parseLedger(readFileSync(ledgerPath, 'utf8'));
    const summary = summarise(entries);
    const successSeconds = entries.flatMap((e) => (e.kind === 'spawn' && e.outcome === 'success' ? [e.seconds] : []));
    const tag = entries.flatMap((e) => (e.kind === 'run' ? [e.tag] : []))[0] ?? 'missing-tag';
    // Wait for the collector's read, StatsD's 10 s flush and carbon.
    if (summary.unknown > 0) throw new Error(`the simulator could not establish ${summary.unknown} outcomes`);
    const deadline = Date.now() + 120_000;
    let seen: Record<string, number> = {};
    const converged = () => Object.entries(summary.counts).every(([key, n]) => seen[key] === n);
    while (Date.now() < deadline && !converged()) {
      await sleep(2000);
      const response = await request.get(`/api/status?hub=${hub}&from=${from}&until=now`);
      if (response.ok()) seen = statusCounts((await response.json()) as StatusCounts);
    }
    // Not cached: a run that never matches (e.g. something else drove the hub meanwhile) must
    // fail here with both sides shown, not poison later runs.
    if (!converged()) {
      throw new Error(
        `/api/status never matched the ledger:\n ledger ${JSON.stringify(summary.counts)}\n status ${JSON.stringify(seen)}\n` +
          'was another simulator driving the demo hub at the same time?',
      );
    }
    // The range ends right after the run's last count: the hub is shared, and whatever others
    // do to it later must not leak into this run's range.
    const until = (await lastCountBucket(request, hub, from)) + 10;
    finished = true;
    return { hub, from, until, summary, successSeconds, tag, createdAt: nowSeconds() };
  } finally {
    await stopChild(collector);
    // StatsD would re-send this hub's keys forever; the stored series stay for the specs, unless
    // the run failed (then nothing will use them).
    await forgetHub(hub, { removeWhisper: !finished });
  }
}

/**
 * Runs `drive` while holding the demo-hub lock, so two tests never drive the hub at once (each
 * collector would count the other's lines). Other hub-driving specs can wrap their runs in it.
 */
export async function withDemoHub<T>(drive: () => Promise<T>): Promise<T> {
  mkdirSync(runDir, { recursive: true });
  while (!tryLock()) await sleep(2000);
  try {
    return await drive();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export async function simulatedClass(request: APIRequestContext): Promise<SimulatedClass> {
  const existing = readResult();
  if (existing) return existing;
  return withDemoHub(async () => {
    // Another worker may have made it while this one waited for the lock.
    const again = readResult();
    if (again) return again;
    const previous = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as SimulatedClass) : null;
    const result = await runClass(request);
    // One test hub at a time in the hub selector: the expired run's goes.
    if (previous) await forgetHub(previous.hub, { removeWhisper: true });
    writeFileSync(resultFile, JSON.stringify(result));
    return result;
  });
}
