import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StatusResponse } from '@/lib/api/status';
import { COMPLETE_BACKEND, summariseBackend } from '@/lib/shared/backend';
import { withCurrentBackend } from './bridged-status';

const partial = summariseBackend(
  [
    { url: 'a', state: 'up', since: null, checkedAt: 0, latencyMs: 1 },
    { url: 'b', state: 'unreachable', since: 1_796_000_000, checkedAt: 0, latencyMs: 2000 },
  ],
  null,
  10_000,
);

/** Only the fields withCurrentBackend reads or writes; the rest of a status passes through untouched. */
const last = {
  verdict: 'Operational',
  cause: 'ok',
  reason: 'All 3 server starts succeeded.',
  backend: COMPLETE_BACKEND,
  hub: 'h',
} as unknown as StatusResponse;

describe('withCurrentBackend', () => {
  test('a last Operational status while a node is now unreachable: Degraded, partial_data, the current backend', () => {
    const bridged = withCurrentBackend(last, partial);
    assert.equal(bridged.verdict, 'Degraded');
    assert.equal(bridged.cause, 'partial_data');
    assert.match(bridged.reason, /1 of 2 storage nodes unreachable since/);
    assert.equal(bridged.backend, partial);
    assert.equal((bridged as unknown as { hub: string }).hub, 'h');
  });

  test('complete, unknown (no nodes configured) or already worse: the last status stands', () => {
    assert.equal(withCurrentBackend(last, COMPLETE_BACKEND), last);
    assert.equal(withCurrentBackend(last, undefined), last);
    const down = { ...last, verdict: 'Down', cause: 'health_failing', reason: 'x' } as StatusResponse;
    const bridged = withCurrentBackend(down, partial);
    assert.equal(bridged.verdict, 'Down');
    assert.equal(bridged.backend, partial);
  });
});
