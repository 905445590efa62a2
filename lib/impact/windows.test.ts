import assert from 'node:assert/strict';
import { test } from 'node:test';
import { impactWindows, parseImpactWindow } from '@/lib/impact/windows';

test('window: Graphite durations, 10 minutes to 7 days, 2 hours by default', () => {
  assert.equal(parseImpactWindow(undefined), 7200);
  assert.equal(parseImpactWindow(null), 7200);
  assert.equal(parseImpactWindow('2h'), 7200);
  assert.equal(parseImpactWindow('30min'), 1800);
  assert.equal(parseImpactWindow('30m'), 1800);
  assert.equal(parseImpactWindow('1h30min'), 5400);
  assert.equal(parseImpactWindow('10min'), 600);
  assert.equal(parseImpactWindow('7d'), 604_800);
  for (const bad of ['9min', '8d', '1mon']) assert.throws(() => parseImpactWindow(bad), /^ImpactWindowError: window: .* out of bounds/);
  for (const bad of ['', 'now', '-2h', '2 hours', '2parsecs', '1795600800x'])
    assert.throws(
      () => parseImpactWindow(bad),
      (error: Error & { field?: string }) => error.message.startsWith('window: ') && error.field === 'window',
    );
});

test('windows: before and after the deployment, and the same pair exactly one week earlier', () => {
  const when = 1_795_600_800;
  assert.deepEqual(impactWindows(when, 3600, when + 10_000), {
    before: { from: when - 3600, until: when },
    after: { from: when, until: when + 3600 },
    baselineBefore: { from: when - 3600 - 604_800, until: when - 604_800 },
    baselineAfter: { from: when - 604_800, until: when + 3600 - 604_800 },
    partial: false,
  });
  const partial = impactWindows(when, 3600, when + 600);
  assert.equal(partial.partial, true);
  assert.deepEqual(partial.after, { from: when, until: when + 600 });
  // A deployment recorded in the future (clock skew): an empty after window, still partial.
  assert.deepEqual(impactWindows(when, 3600, when - 5).after, { from: when, until: when });
});
