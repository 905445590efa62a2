import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RETENTION_ARCHIVES } from '@/lib/charts/retention';
import { finestStart, renderWindow } from '@/lib/graphite/render-times';

const now = 1_800_000_000;
// The ends of the 10 s and 1-minute archives (as configured in lib/catalog/layout.ts).
const tenSecondKeep = RETENTION_ARCHIVES[0]?.keepSeconds ?? 0;
const minuteKeep = RETENTION_ARCHIVES[1]?.keepSeconds ?? 0;

test('live ranges are offsets from now, one second early', () => {
  assert.deepEqual(renderWindow(now - 3600, now, true, now), { from: '-3601s', until: 'now' });
});

test('fixed ranges are epochs, one second early', () => {
  assert.deepEqual(renderWindow(now - 7200, now - 3600, false, now), {
    from: String(now - 7201),
    until: String(now - 3600),
  });
});

test('the extra second never pushes a range into a coarser archive', () => {
  assert.equal(tenSecondKeep, 86_400);
  assert.equal(renderWindow(now - tenSecondKeep, now, true, now).from, `-${tenSecondKeep}s`);
  assert.equal(renderWindow(now - minuteKeep, now, true, now).from, `-${minuteKeep}s`);
  assert.equal(renderWindow(now - 86_399, now, true, now).from, '-86400s');
});

test('a long lookback is shortened to keep the verdict window in the finest archive', () => {
  const day = 86_400;
  // Live: a lookback as long as the 1-minute archive, kept.
  assert.equal(finestStart(now - minuteKeep, now - 20 * 60, now), now - minuteKeep + 60);
  // Ended an hour ago: that long before it would need the 10-minute archive; shortened.
  const until = now - 3600;
  assert.equal(finestStart(until - minuteKeep, until - 20 * 60, now), now - minuteKeep + 60);
  // Ended 3 days past the 1-minute archive: the verdict window itself is in the 10-minute archive.
  const old = now - minuteKeep - 3 * day;
  assert.equal(finestStart(old - 7 * day, old - 20 * 60, now), old - 7 * day);
  // The week-earlier comparison of a deployment: 7 days that ended a week ago stay at 1 minute.
  const weekAgo = now - 7 * day;
  assert.equal(finestStart(weekAgo - 7 * day, weekAgo - 20 * 60, now), weekAgo - 7 * day);
});
