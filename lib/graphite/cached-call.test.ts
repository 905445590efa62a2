import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCachedCall } from './cached-call';
import { GraphiteError } from './errors';

// The cache with an in-process loader: what it adds (coalescing, TTL, failures not kept) does
// not depend on where answers come from; the client itself is tested against a stand-in.

function counting(answer: () => Promise<{ n: number }>) {
  let calls = 0;
  return {
    load: async () => {
      calls++;
      return answer();
    },
    calls: () => calls,
  };
}

describe('cached call', () => {
  test('concurrent identical calls share one load; a finished answer is kept for its TTL', async () => {
    let clock = 1_000_000;
    const source = counting(async () => ({ n: 1 }));
    const cache = createCachedCall({ load: source.load, enabled: true, ttlMs: 10_000, maxEntries: 10, now: () => clock });
    await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')]);
    assert.equal(source.calls(), 1);
    await cache.get('a');
    assert.equal(source.calls(), 1);
    clock += 10_001;
    await cache.get('a');
    assert.equal(source.calls(), 2);
    await cache.get('b');
    assert.equal(source.calls(), 3);
    assert.deepEqual(cache.stats(), { upstream: 3, hits: 1, coalesced: 2, entries: 2, bytes: 0 });
  });

  test('with the cache off, calls in flight still share one load, but nothing is kept', async () => {
    const source = counting(async () => ({ n: 1 }));
    const cache = createCachedCall({ load: source.load, enabled: false, ttlMs: 10_000, maxEntries: 10 });
    await Promise.all([cache.get('a'), cache.get('a')]);
    await cache.get('a');
    assert.equal(source.calls(), 2);
  });

  test("failures reach every caller as the caller's GraphiteError and are never kept", async () => {
    let fail = true;
    const source = counting(async () => {
      if (fail) throw new GraphiteError('bad_request', 'Graphite rejected the find', { status: 400, reason: 'nope' });
      return { n: 2 };
    });
    const cache = createCachedCall({ load: source.load, enabled: true, ttlMs: 10_000, maxEntries: 10 });
    const results = await Promise.allSettled([cache.get('a'), cache.get('a')]);
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      const reason: unknown = r.status === 'rejected' ? r.reason : null;
      assert.ok(reason instanceof GraphiteError && reason.kind === 'bad_request' && reason.reason === 'nope');
    }
    fail = false;
    assert.deepEqual(await cache.get('a'), { n: 2 });
    assert.equal(source.calls(), 2);
  });
});

describe('cached call: held memory', () => {
  test('answers are counted by sizeOf and bounded by maxBytes, least recently used out first', async () => {
    const cache = createCachedCall<{ text: string }>({
      load: async (key) => ({ text: key.repeat(100) }),
      enabled: true,
      ttlMs: 60_000,
      maxEntries: 100,
      sizeOf: (value) => value.text.length,
      maxBytes: 250,
    });
    await cache.get('a');
    await cache.get('b');
    assert.deepEqual([cache.stats().entries, cache.stats().bytes], [2, 200]);
    await cache.get('c');
    assert.deepEqual([cache.stats().entries, cache.stats().bytes], [2, 200]);
    await cache.get('a');
    assert.equal(cache.stats().upstream, 4, 'a was pushed out by c and loaded again');
  });
});
