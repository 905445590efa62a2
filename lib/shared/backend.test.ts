import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COMPLETE_BACKEND, partialMessage, summariseBackend } from '@/lib/shared/backend';

const clock = (at: number) => new Date(at * 1000).toISOString().slice(11, 16);
const at1042 = Date.UTC(2026, 10, 25, 10, 42) / 1000;
const node = (url: string, state: 'up' | 'unreachable' | 'recovering', since: number | null) => ({
  url,
  state,
  since,
  checkedAt: at1042 + 60,
  latencyMs: 3,
});

describe('backend state', () => {
  test('one of two nodes unreachable: the sentence every view shows', () => {
    const backend = summariseBackend([node('a', 'up', null), node('b', 'unreachable', at1042)], null, 60_000);
    assert.equal(backend.partial, true);
    assert.equal(backend.since, at1042);
    assert.equal(partialMessage(backend, clock), 'data from part of the cluster only (1 of 2 storage nodes unreachable since 10:42)');
  });

  test('a node just back is still partial: the front may skip it', () => {
    const backend = summariseBackend([node('a', 'recovering', at1042), node('b', 'up', null)], null, 60_000);
    assert.equal(backend.partial, true);
    assert.equal(
      partialMessage(backend, clock),
      'data from part of the cluster only (1 of 2 storage nodes just back, the front may skip it for up to 60 s)',
    );
  });

  test('all up is complete; without nodes a series drop says "may be partial"', () => {
    assert.equal(partialMessage(summariseBackend([node('a', 'up', null)], null, 60_000), clock), null);
    assert.equal(partialMessage(COMPLETE_BACKEND, clock), null);
    const suspected = summariseBackend([], { before: 6, after: 3, at: at1042 }, 60_000);
    assert.equal(suspected.partial, false);
    assert.equal(suspected.suspected, true);
    assert.equal(partialMessage(suspected, clock), 'data may be partial (a query answered with 3 series instead of 6 at 10:42)');
  });
});
