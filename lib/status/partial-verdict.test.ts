import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COMPLETE_BACKEND, summariseBackend } from '@/lib/shared/backend';
import { guardVerdict } from './partial-verdict';

const operational = { verdict: 'Operational' as const, cause: 'ok' as const, reason: 'All 3 server starts succeeded.' };
const partial = summariseBackend(
  [
    { url: 'a', state: 'up', since: null, checkedAt: 0, latencyMs: 1 },
    { url: 'b', state: 'unreachable', since: 1_796_000_000, checkedAt: 0, latencyMs: 1 },
  ],
  null,
  60_000,
);

describe('guardVerdict', () => {
  test('never Operational on partial data', () => {
    const guarded = guardVerdict(operational, partial);
    assert.equal(guarded.verdict, 'Degraded');
    assert.equal(guarded.cause, 'partial_data');
    assert.match(guarded.reason, /data from part of the cluster only \(1 of 2 storage nodes unreachable since \d\d:\d\d UTC\)/);
  });

  test('complete data, or a verdict that is already worse, stands', () => {
    assert.deepEqual(guardVerdict(operational, COMPLETE_BACKEND), operational);
    const down = { verdict: 'Down' as const, cause: 'health_failing' as const, reason: 'x' };
    assert.deepEqual(guardVerdict(down, partial), down);
  });
});
