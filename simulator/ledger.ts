import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { COUNTER_KEYS, type CounterKey, spawnFailureKey } from '../lib/catalog';

/**
 * The ledger: one JSON line per thing the simulator did, with the outcome the hub reported.
 * Tests compare the collector's counts with `summarise()` of these entries, so an entry is
 * written only once the hub has answered (a spawn when it is ready or has failed, a crash when
 * the hub has noticed it).
 */
export const SPAWN_OUTCOMES = [
  'success',
  'error',
  'exited',
  'timeout',
  'http_timeout',
  'throttled',
  'limited',
  'rejected', // 400 already running / pending, or a browser redirect to a running server: no attempt logged
  'unknown', // the simulator could not tell (its own request failed); never counted
] as const;
export type SpawnOutcome = (typeof SPAWN_OUTCOMES)[number];

export type LoginEntry = { kind: 'login'; user: string; outcome: 'success' | 'failure' | 'unknown'; status: number };
/** `server`: the named server's name (`allow_named_servers`); absent for the default server. */
export type SpawnEntry = {
  kind: 'spawn';
  user: string;
  server?: string;
  via: 'browser' | 'api';
  outcome: SpawnOutcome;
  status: number;
  message?: string;
  seconds: number;
};
/**
 * `found`: who noticed the death. `poll` (the default when absent): the hub's poll of a running
 * server, also of one the hub resumed after a restart; `hub-start`: the server died while the hub was
 * down and the hub found it dead when it started again.
 */
export type CrashEntry = {
  kind: 'crash';
  user: string;
  server?: string;
  outcome: 'crashed' | 'unknown';
  pid: number;
  found?: 'poll' | 'hub-start';
};
export type StopEntry = { kind: 'stop'; user: string; server?: string; outcome: 'stopped' | 'unknown'; status: number; reason: string };
export type RunEntry = { kind: 'run'; phase: 'start' | 'end'; mode: 'once' | 'loop' | 'crashes'; tag: string; seed: number };
/** The simulator stopped or started the hub itself (`--crashes`), with these JH_* settings: no key. */
export type HubEntry = { kind: 'hub'; action: 'stop' | 'start'; outcome: 'done' | 'failed'; settings: Record<string, string> };

export type LedgerEvent = LoginEntry | SpawnEntry | CrashEntry | StopEntry | RunEntry | HubEntry;
export type LedgerEntry = LedgerEvent & { t: number; ts: string };

/**
 * The StatsD contract keys (README, "StatsD keys") a ledger predicts, in the catalog's order: every counter
 * but `errors.unclassified`, which counts lines no rule knows and so has no action behind it.
 */
export type ContractKey = Exclude<CounterKey, 'errors.unclassified'>;
export const CONTRACT_KEYS: readonly ContractKey[] = COUNTER_KEYS.filter((key): key is ContractKey => key !== 'errors.unclassified');

export type Summary = {
  counts: Record<ContractKey, number>;
  /** actions whose outcome the simulator could not establish: a test must see 0 here */
  unknown: number;
  /** spawn requests the hub refused with 400 (no attempt logged, no key) */
  rejected: number;
};

const SPAWN_KEYS: Partial<Record<SpawnOutcome, ContractKey>> = {
  success: 'spawns.success',
  error: spawnFailureKey('error'),
  exited: spawnFailureKey('exited'),
  timeout: spawnFailureKey('timeout'),
  http_timeout: spawnFailureKey('http_timeout'),
  throttled: 'spawns.throttled',
  limited: 'spawns.limited',
};

function keyOf(entry: LedgerEvent): ContractKey | 'unknown' | 'rejected' | null {
  switch (entry.kind) {
    case 'login':
      return entry.outcome === 'unknown' ? 'unknown' : entry.outcome === 'success' ? 'logins.success' : 'logins.failure';
    case 'spawn':
      if (entry.outcome === 'unknown' || entry.outcome === 'rejected') return entry.outcome;
      return SPAWN_KEYS[entry.outcome] ?? null;
    case 'crash':
      return entry.outcome === 'crashed' ? 'servers.crashed' : 'unknown';
    case 'stop':
      return entry.outcome === 'stopped' ? 'servers.stopped' : 'unknown';
    case 'hub':
      // a hub that would not stop or start leaves the rest of the run unexplained
      return entry.outcome === 'failed' ? 'unknown' : null;
    case 'run':
      return null;
  }
}

export function emptyCounts(): Record<ContractKey, number> {
  const counts = {} as Record<ContractKey, number>;
  for (const key of CONTRACT_KEYS) counts[key] = 0;
  return counts;
}

/** A start the hub answered with 5xx: the hub's access log has that answer too (requests.spawn_5xx). */
const answeredWith5xx = (entry: LedgerEvent): boolean =>
  entry.kind === 'spawn' && entry.outcome !== 'unknown' && entry.status >= 500 && entry.status <= 599;

export function summarise(entries: readonly LedgerEvent[]): Summary {
  const summary: Summary = { counts: emptyCounts(), unknown: 0, rejected: 0 };
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === null) continue;
    if (key === 'unknown') summary.unknown += 1;
    else if (key === 'rejected') summary.rejected += 1;
    else summary.counts[key] += 1;
    if (answeredWith5xx(entry)) summary.counts['requests.spawn_5xx'] += 1;
  }
  return summary;
}

export function formatSummary(summary: Summary): string {
  const width = Math.max(...CONTRACT_KEYS.map((key) => key.length));
  const lines = CONTRACT_KEYS.map((key) => `  ${key.padEnd(width)}  ${summary.counts[key]}`);
  lines.push(`  ${'(rejected 400)'.padEnd(width)}  ${summary.rejected}`);
  lines.push(`  ${'(unknown)'.padEnd(width)}  ${summary.unknown}`);
  return `expected counts per contract key:\n${lines.join('\n')}`;
}

export type Ledger = {
  record(event: LedgerEvent): LedgerEntry;
  entries(): readonly LedgerEntry[];
};

/** Appends each entry to `path` as it happens (so a killed run still leaves its ledger); null = memory only. */
export function createLedger(path: string | null, now: () => number = Date.now): Ledger {
  const entries: LedgerEntry[] = [];
  if (path !== null) mkdirSync(dirname(path), { recursive: true });
  return {
    record(event) {
      const ms = now();
      const entry: LedgerEntry = { t: ms / 1000, ts: new Date(ms).toISOString(), ...event };
      entries.push(entry);
      if (path !== null) appendFileSync(path, `${JSON.stringify(entry)}\n`);
      return entry;
    },
    entries: () => entries,
  };
}

/** Reads a ledger file back (for tests); lines that are not ledger entries are an error. */
export function parseLedger(text: string): LedgerEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || !('kind' in value) || !('t' in value)) {
        throw new SyntaxError(`ledger line ${index + 1}: not a ledger entry`);
      }
      return value as LedgerEntry;
    });
}
