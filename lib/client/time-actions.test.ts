import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseViewParams } from '@/lib/shared/view-params';
import { describeRange, lockRange, QUICK_RANGES, resolveRangeOrLastHour, shiftRange, zoomRange } from './time-actions';

const NOW = 1_795_604_400;

test('lock turns a relative range into the epoch seconds it means now', () => {
  assert.deepEqual(lockRange({ from: '-6h', until: 'now' }, NOW), { from: String(NOW - 21_600), until: String(NOW) });
  assert.deepEqual(lockRange({ from: 'now-15m', until: 'now-5m' }, NOW), { from: String(NOW - 900), until: String(NOW - 300) });
});

test('lock leaves an absolute range as it was, and a locked link parses back to the same range', () => {
  const fixed = { from: '1795600000', until: '1795603600' };
  assert.deepEqual(lockRange(fixed, NOW), fixed);
  const locked = lockRange({ from: '-1h', until: 'now' }, NOW);
  const reopened = parseViewParams(new URLSearchParams({ ...locked }));
  assert.deepEqual({ from: reopened.from, until: reopened.until }, locked);
});

test('shift moves by half the width, and never past now', () => {
  assert.deepEqual(shiftRange({ from: '-2h', until: 'now' }, -1, NOW), { from: String(NOW - 10_800), until: String(NOW - 3600) });
  assert.deepEqual(shiftRange({ from: '-2h', until: 'now' }, 1, NOW), { from: String(NOW - 7200), until: String(NOW) });
  const past = { from: String(NOW - 36_000), until: String(NOW - 21_600) };
  assert.deepEqual(shiftRange(past, 1, NOW), { from: String(NOW - 28_800), until: String(NOW - 14_400) });
});

test('zoom orders the ends and keeps at least a minute', () => {
  assert.deepEqual(zoomRange(200.4, 100.6), { from: '100', until: '201' });
  assert.deepEqual(zoomRange(100, 110), { from: '100', until: '160' });
});

test('every quick range is valid Graphite syntax and is named in the picker label', () => {
  for (const q of QUICK_RANGES) {
    assert.equal(parseViewParams({ from: q.from }).from, q.from);
    assert.equal(describeRange({ from: q.from, until: 'now' }, NOW), q.label);
  }
  assert.equal(QUICK_RANGES[0]?.from, '-15min');
  assert.equal(QUICK_RANGES[QUICK_RANGES.length - 1]?.from, '-90d');
});

test('describeRange for other ranges', () => {
  assert.equal(describeRange({ from: '-45min', until: 'now' }, NOW), 'Last 45 min');
  assert.equal(describeRange({ from: '1795600000', until: '1795603600' }, NOW, 'UTC'), '25 Nov 2026, 09:46 → 25 Nov 2026, 10:46');
});

test('resolveRangeOrLastHour: a mistyped range draws the last hour, a valid one resolves', () => {
  assert.deepEqual(resolveRangeOrLastHour({ from: 'yesterday-ish', until: 'now' }, 10_000), { from: 6_400, until: 10_000 });
  assert.deepEqual(resolveRangeOrLastHour({ from: '-2h', until: 'now' }, 10_000), { from: 2_800, until: 10_000 });
});
