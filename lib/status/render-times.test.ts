import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finestStart, renderWindow } from '@/lib/status/render-times';

const now = 1_800_000_000;

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
  // 24 h and 7 d ago are the ends of the 10 s and 1 min archives.
  assert.equal(renderWindow(now - 86_400, now, true, now).from, '-86400s');
  assert.equal(renderWindow(now - 7 * 86_400, now, true, now).from, '-604800s');
  assert.equal(renderWindow(now - 86_399, now, true, now).from, '-86400s');
});

test('a long lookback is shortened to keep the verdict window in the finest archive', () => {
  const day = 86_400;
  // Live: 7 days back is exactly the 1-minute archive, kept.
  assert.equal(finestStart(now - 7 * day, now - 20 * 60, now), now - 7 * day + 60);
  // Ended an hour ago: 7 days before it would need the 10-minute archive; shortened.
  const until = now - 3600;
  assert.equal(finestStart(until - 7 * day, until - 20 * 60, now), now - 7 * day + 60);
  // Ended 10 days ago: the verdict window itself is in the 10-minute archive; nothing to keep.
  const old = now - 10 * day;
  assert.equal(finestStart(old - 7 * day, old - 20 * 60, now), old - 7 * day);
});
