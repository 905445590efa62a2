import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { capturedVersions, readCapture } from '../collector/fixtures/captures';
import { type ContractKey, emptyCounts, parseLedger, summarise } from './ledger';

// The capture is a real hub log slice and the ledger of the run that caused it. Counting the
// hub's own lines with plain patterns must give the ledger's counts: this pins down which hub
// line stands for which ledger outcome (and keeps the capture honest for the collector's tests).
const dir = join(import.meta.dirname, 'captures');
const log = readFileSync(join(dir, 'jupyterhub-3.0-once.log'), 'utf8').split('\n');
const ledger = parseLedger(readFileSync(join(dir, 'jupyterhub-3.0-once.ledger.jsonl'), 'utf8'));

const hubLine = /^\[[IWE] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} JupyterHub /;

function countByPatterns(lines: readonly string[]): Record<ContractKey, number> {
  const counts = emptyCounts();
  const hub = lines.filter((line) => hubLine.test(line));
  const has = (re: RegExp): number => hub.filter((line) => re.test(line)).length;
  // the process that exited is logged as a 500 at slow_spawn_timeout and again as "never showed up"
  const exited = hub.filter((line) => / web:\d+\] 500 POST \S+ \(.*\): Spawner failed to start \[status=/.test(line));
  counts['logins.success'] = has(/ User logged in: /);
  counts['logins.failure'] = has(/ Failed login for /);
  counts['spawns.success'] = has(/ User \S+ took [\d.]+ seconds to start$/);
  counts['spawns.failure.error'] = has(/ Unhandled error starting \S+'s server: /);
  counts['spawns.failure.exited'] = exited.length;
  counts['spawns.failure.timeout'] = has(/'s server failed to start in \d+ seconds, giving up\./);
  counts['spawns.failure.http_timeout'] = has(/'s server never showed up at /) - exited.length;
  counts['spawns.throttled'] = has(/ \d+ pending spawns, throttling\./);
  counts['spawns.limited'] = has(/ \d+ servers active, no space available/);
  counts['servers.crashed'] = has(/ server stopped, with exit code: /);
  counts['servers.stopped'] = has(/ server took [\d.]+ seconds to stop$/);
  // this run's 5xx answers are API starts of servers whose failure was logged just before
  counts['requests.spawn_5xx'] = has(/ log:\d+\] 5\d\d POST \S*\/hub\/api\/users\/[^/ ]+\/(server|servers\/[^/ ]*) \(.*\) [\d.]+ms$/);
  return counts;
}

// The same check on every supported version's capture (collector/fixtures/jupyterhub-<v>/once-*).
// 5.x/6.x log an exited process as an uncaught exception of the start request whose traceback
// ends in InvalidStateError, instead of the `Spawner failed to start [status=N]` warning.
function exitedLines(lines: readonly string[]): number {
  let n = lines.filter((line) => / web:\d+\] 500 POST \S+ \(.*\): Spawner failed to start \[status=/.test(line)).length;
  for (let i = 0; i < lines.length; i++) {
    if (!/JupyterHub web:\d+\] Uncaught exception POST \S*\/hub\/api\/users\/[^/ ]+\/server /.test(lines[i] ?? '')) continue;
    let j = i + 1;
    while (j < lines.length && /^\s/.test(lines[j] ?? '')) j++;
    if (lines.slice(i + 1, j).some((l) => l.includes('InvalidStateError: Exception is not set'))) n++;
  }
  return n;
}

for (const version of capturedVersions()) {
  test(`JupyterHub ${version}: the capture holds exactly the events its ledger records`, () => {
    const capture = readCapture(version);
    const lines = capture.log.toString('utf8').split('\n');
    const summary = summarise(parseLedger(capture.ledger));
    const counts = countByPatterns(lines);
    const exited = exitedLines(lines);
    counts['spawns.failure.http_timeout'] += counts['spawns.failure.exited'] - exited;
    counts['spawns.failure.exited'] = exited;
    assert.equal(summary.unknown, 0);
    assert.deepEqual(counts, summary.counts);
  });
}

test('the capture holds exactly the events its ledger records', () => {
  const summary = summarise(ledger);
  assert.equal(summary.unknown, 0);
  assert.deepEqual(countByPatterns(log), summary.counts);
});

test('every contract key happens in the capture', () => {
  for (const [key, count] of Object.entries(summarise(ledger).counts)) assert.ok(count > 0, key);
});

test('the refused browser spawns also log ERROR lines that are not failures', () => {
  const refused = log.filter((line) => /^\[E .* Error starting server \S+: HTTP 429: Too Many Requests/.test(line));
  const browserRefusals = ledger.filter(
    (entry) => entry.kind === 'spawn' && entry.via === 'browser' && (entry.outcome === 'throttled' || entry.outcome === 'limited'),
  );
  assert.equal(refused.length, browserRefusals.length);
});
