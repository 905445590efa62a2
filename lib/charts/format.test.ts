import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatClock, formatDuration, formatValue } from './format';

test('values read with their unit', () => {
  assert.equal(formatValue(250, 'ms'), '250 ms');
  assert.equal(formatValue(12_500, 'ms'), '12.5 s');
  assert.equal(formatValue(0.333, 'per_second'), '0.33/s');
  assert.equal(formatValue(1, 'bool'), 'up');
  assert.equal(formatValue(0, 'bool'), 'down');
  assert.equal(formatValue(0.75, 'bool'), '75 % up');
  assert.equal(formatValue(null, 'count'), '–');
  assert.equal(formatValue(1234.5678, 'count'), '1,234.57');
  assert.equal(formatValue(512, 'bytes'), '512 B');
  assert.equal(formatValue(1536, 'bytes'), '1.5 KiB');
  assert.equal(formatValue(3 * 1024 ** 3, 'bytes'), '3 GiB');
});

test('durations and clock times', () => {
  assert.equal(formatDuration(10), '10 s');
  assert.equal(formatDuration(600), '10 min');
  assert.equal(formatDuration(5400), '1.5 h');
  assert.equal(formatDuration(86_400 * 7), '7 d');
  assert.equal(formatClock(1_800_000_000, { timeZone: 'UTC' }), '08:00');
});
