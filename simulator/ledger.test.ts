import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTRACT_KEYS, createLedger, formatSummary, type LedgerEvent, parseLedger, summarise } from './ledger';

const spawn = (outcome: Extract<LedgerEvent, { kind: 'spawn' }>['outcome'], status = 0): LedgerEvent => ({
  kind: 'spawn',
  user: 'student001-x',
  via: 'api',
  outcome,
  status,
  seconds: 1,
});

test('summarise maps every outcome to its contract key', () => {
  const summary = summarise([
    { kind: 'run', phase: 'start', mode: 'once', tag: 'x', seed: 1 },
    { kind: 'login', user: 'a', outcome: 'success', status: 302 },
    { kind: 'login', user: 'a', outcome: 'failure', status: 200 },
    { kind: 'login', user: 'a', outcome: 'success', status: 302 },
    spawn('success'),
    spawn('error', 500),
    spawn('exited', 500),
    spawn('timeout'),
    spawn('http_timeout'),
    spawn('throttled'),
    spawn('throttled'),
    spawn('limited'),
    { kind: 'crash', user: 'a', outcome: 'crashed', pid: 42 },
    { kind: 'stop', user: 'a', outcome: 'stopped', status: 204, reason: 'cleanup' },
  ]);
  assert.deepEqual(summary.counts, {
    'logins.success': 2,
    'logins.failure': 1,
    'spawns.success': 1,
    'spawns.failure.error': 1,
    'spawns.failure.exited': 1,
    'spawns.failure.timeout': 1,
    'spawns.failure.http_timeout': 1,
    'spawns.throttled': 2,
    'spawns.limited': 1,
    'servers.crashed': 1,
    'servers.stopped': 1,
    'requests.spawn_5xx': 2,
  });
  assert.equal(summary.unknown, 0);
});

test('unknown outcomes and 400 rejections are counted apart, never under a key', () => {
  const summary = summarise([
    spawn('unknown'),
    spawn('rejected'),
    { kind: 'login', user: 'a', outcome: 'unknown', status: 0 },
    { kind: 'crash', user: 'a', outcome: 'unknown', pid: 1 },
    { kind: 'stop', user: 'a', outcome: 'unknown', status: 500, reason: 'x' },
  ]);
  assert.equal(summary.unknown, 4);
  assert.equal(summary.rejected, 1);
  assert.ok(CONTRACT_KEYS.every((key) => summary.counts[key] === 0));
});

test('the ledger file holds one JSON line per entry and reads back the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  try {
    const path = join(dir, 'sub', 'ledger.jsonl');
    let clock = 1_795_605_053_231;
    const ledger = createLedger(path, () => clock++);
    ledger.record({ kind: 'login', user: 'student001-x', outcome: 'failure', status: 200 });
    ledger.record(spawn('limited'));
    const text = readFileSync(path, 'utf8');
    assert.equal(text.split('\n').length, 3); // two lines + the final newline
    const back = parseLedger(text);
    assert.deepEqual(back, ledger.entries());
    assert.equal(back[0]?.t, 1_795_605_053.231);
    assert.equal(back[0]?.ts, '2026-11-25T11:10:53.231Z');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parseLedger names the line that is not an entry', () => {
  assert.throws(() => parseLedger('{"kind":"login","t":1}\n{"nope":true}\n'), /ledger line 2/);
  assert.throws(() => parseLedger('not json'), SyntaxError);
});

test('the printed summary lists every key with its count and no user names', () => {
  const text = formatSummary(summarise([spawn('throttled')]));
  for (const key of CONTRACT_KEYS) assert.match(text, new RegExp(`${key.replaceAll('.', '\\.')}\\s+\\d+`));
  assert.match(text, /spawns\.throttled\s+1/);
  assert.doesNotMatch(text, /student/);
});
