import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderWindow } from '@/lib/status/render-times';

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
