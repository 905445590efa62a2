import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Datapoint } from '@/lib/stats/series';
import { overallUptime, uptimeByDay } from '@/lib/status/uptime';

const DAY = 86_400;
const day0 = 20_000 * DAY; // a UTC midnight

test('one bar per UTC day, oldest first, with down minutes and unknown days', () => {
  const points: Datapoint[] = [];
  // Day 1 (yesterday): 144 ten-minute results, 6 of them failed (one hour down).
  for (let i = 0; i < 144; i++) points.push([i < 6 ? 0 : 1, day0 + DAY + i * 600]);
  // Day 2 (today, until = noon): all up so far.
  for (let i = 0; i < 72; i++) points.push([1, day0 + 2 * DAY + i * 600]);
  const days = uptimeByDay(points, day0 + 2 * DAY + 12 * 3600, 3);
  assert.deepEqual(
    days.map((d) => d.day),
    ['2024-10-04', '2024-10-05', '2024-10-06'],
  );
  assert.equal(days[0]?.upRatio, null);
  assert.equal(days[1]?.upRatio, 138 / 144);
  assert.equal(days[1]?.downMinutes, 60);
  assert.equal(days[2]?.upRatio, 1);
  assert.equal(overallUptime(days), (138 + 72) / (144 + 72));
});

test('no data at all means unknown, not 0 % or 100 %', () => {
  const days = uptimeByDay([], day0, 90);
  assert.equal(days.length, 90);
  assert.equal(overallUptime(days), null);
});

test('a bucket averaged by carbon counts the share it was down: 3 minutes inside 10 still show', () => {
  const points: Datapoint[] = [];
  // 144 ten-minute buckets; in one of them the probe failed for 3 of its 10 minutes.
  for (let i = 0; i < 144; i++) points.push([i === 50 ? 0.7 : 1, day0 + i * 600]);
  const [day] = uptimeByDay(points, day0 + DAY, 1);
  assert.equal(day?.downMinutes, 3);
  assert.ok(day?.upRatio !== null && day?.upRatio !== undefined && Math.abs(day.upRatio - 143.7 / 144) < 1e-12);
});

test('a day with only imported logs is marked imported, not counted as up or down', () => {
  const imported: Datapoint[] = [];
  for (let i = 0; i < 144; i++) imported.push([1, day0 + i * 600]);
  const up: Datapoint[] = [];
  for (let i = 0; i < 144; i++) up.push([1, day0 + DAY + i * 600]);
  const days = uptimeByDay(up, day0 + 2 * DAY, 2, imported);
  assert.deepEqual(
    days.map((d) => [d.upRatio, d.imported]),
    [
      [null, true],
      [1, false],
    ],
  );
  assert.equal(overallUptime(days), 1);
});
