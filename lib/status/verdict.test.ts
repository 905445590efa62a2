import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_THRESHOLDS } from '@/lib/config/status';
import { decideVerdict, type VerdictSnapshot } from '@/lib/status/verdict';

const at = 1_800_000_000;
const healthy: VerdictSnapshot = {
  at,
  lastUp: { value: 1, at: at - 10 },
  downSince: null,
  healthMs: 40,
  spawnsSucceeded: 40,
  spawnsFailed: 0,
};

test('healthy hub with all starts succeeding is Operational', () => {
  const v = decideVerdict(healthy, DEFAULT_THRESHOLDS);
  assert.equal(v.verdict, 'Operational');
  assert.equal(v.reason, 'All 40 server starts in the last 15 minutes succeeded.');
});

test('failed health probe is Down, and says for how long', () => {
  const v = decideVerdict({ ...healthy, lastUp: { value: 0, at }, downSince: at - 240 }, DEFAULT_THRESHOLDS);
  assert.equal(v.verdict, 'Down');
  assert.equal(v.cause, 'health_failing');
  assert.equal(v.reason, 'The hub has not answered its health check for 4 minutes.');
});

test('no health data at all, or silence longer than the limit, is Down', () => {
  assert.equal(decideVerdict({ ...healthy, lastUp: null }, DEFAULT_THRESHOLDS).cause, 'no_health_data');
  const silent = decideVerdict({ ...healthy, lastUp: { value: 1, at: at - 6 * 60 } }, DEFAULT_THRESHOLDS);
  assert.equal(silent.verdict, 'Down');
  assert.match(silent.reason, /for 6 minutes/);
  const justInTime = decideVerdict({ ...healthy, lastUp: { value: 1, at: at - 5 * 60 } }, DEFAULT_THRESHOLDS);
  assert.equal(justInTime.verdict, 'Operational');
});

test('spawn failures above 5 % are Degraded with a plain sentence', () => {
  const v = decideVerdict({ ...healthy, spawnsSucceeded: 37, spawnsFailed: 3 }, DEFAULT_THRESHOLDS);
  assert.equal(v.verdict, 'Degraded');
  assert.equal(v.reason, '3 of 40 server starts failed in the last 15 minutes.');
});

test('exactly 5 % is not above the threshold', () => {
  const v = decideVerdict({ ...healthy, spawnsSucceeded: 38, spawnsFailed: 2 }, DEFAULT_THRESHOLDS);
  assert.equal(v.verdict, 'Operational');
  assert.match(v.reason, /2 of 40 server starts failed .* within the limit/);
});

test('minFailedSpawns keeps a single failure from degrading when configured', () => {
  const snapshot = { ...healthy, spawnsSucceeded: 1, spawnsFailed: 1 };
  assert.equal(decideVerdict(snapshot, DEFAULT_THRESHOLDS).verdict, 'Degraded');
  assert.equal(decideVerdict(snapshot, { ...DEFAULT_THRESHOLDS, minFailedSpawns: 2 }).verdict, 'Operational');
});

test('slow health probe is Degraded; Down wins over Degraded', () => {
  const slow = decideVerdict({ ...healthy, healthMs: 3500 }, DEFAULT_THRESHOLDS);
  assert.equal(slow.verdict, 'Degraded');
  assert.equal(slow.cause, 'slow_hub');
  assert.match(slow.reason, /3\.5 s \(limit 2\.0 s\)/);
  const both = decideVerdict({ ...healthy, healthMs: 3500, lastUp: { value: 0, at }, downSince: at }, DEFAULT_THRESHOLDS);
  assert.equal(both.verdict, 'Down');
});

test('no starts in the window reads naturally', () => {
  const v = decideVerdict({ ...healthy, spawnsSucceeded: 0 }, { ...DEFAULT_THRESHOLDS, windowMinutes: 60 });
  assert.equal(v.reason, 'The hub is answering; no server starts in the last hour.');
});
