import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatClock, formatCount, formatDuration, formatValue } from './format';

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
  assert.equal(formatValue(0.031, 'ratio'), '3.1 %');
  assert.equal(formatValue(0.00125, 'ratio'), '0.13 %');
  assert.equal(formatValue(0.004, 'per_server_hour'), '0.004 per server-hour');
  assert.equal(formatValue(null, 'ratio', 'no data'), 'no data');
  assert.equal(formatValue(Number.NaN, 'ms'), '–');
});

test('one reading per value: a share reads like the same percentage, a wait the same in every view', () => {
  assert.equal(formatValue(0.25, 'ratio'), formatValue(25, 'percent'));
  assert.equal(formatValue(2150, 'ms'), formatValue(2.15, 'seconds'));
});

test('counts: thousands separated, an average with one decimal', () => {
  assert.equal(formatCount(1200), '1,200');
  assert.equal(formatCount(7), '7');
  assert.equal(formatCount(2.25), '2.3');
});

test('durations and clock times', () => {
  assert.equal(formatDuration(10, 'short'), '10 s');
  assert.equal(formatDuration(600, 'short'), '10 min');
  assert.equal(formatDuration(5400, 'short'), '1 h 30 min');
  assert.equal(formatDuration(86_400 * 7, 'short'), '7 d');
  assert.equal(formatDuration(45), '45 seconds');
  assert.equal(formatDuration(1), '1 second');
  assert.equal(formatDuration(5400), '1 hour 30 minutes');
  assert.equal(formatDuration(36 * 3600), '36 hours');
  assert.equal(formatDuration(86_400 * 7), '7 days');
  assert.equal(formatDuration(-5), '0 seconds');
  assert.equal(formatClock(1_800_000_000, { timeZone: 'UTC' }), '08:00');
});
