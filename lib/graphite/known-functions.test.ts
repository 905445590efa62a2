import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKnownFunctions } from './known-functions';

describe('known functions', () => {
  test('fetched once, shared by callers in flight, kept for the TTL', async () => {
    let loads = 0;
    const known = createKnownFunctions(async () => {
      loads++;
      return [{ name: 'sumSeries' }];
    });
    const [a, b] = await Promise.all([known.get(), known.get()]);
    assert.deepEqual([...(a ?? [])], ['sumSeries']);
    assert.equal(b, a);
    await known.get();
    assert.equal(loads, 1);
  });

  test('a failed fetch is "unknown" (null) until the retry delay, then fetched again', async () => {
    let loads = 0;
    const known = createKnownFunctions(
      async () => {
        loads++;
        if (loads === 1) throw new Error('graphite-web answered 500');
        return [{ name: 'alias' }];
      },
      { retryMs: 30 },
    );
    assert.equal(await known.get(), null);
    assert.equal(await known.get(), null);
    assert.equal(loads, 1);
    await sleep(40);
    assert.deepEqual([...((await known.get()) ?? [])], ['alias']);
  });

  // The loader below answers only when the test lets it: get() can only come back with null if
  // it stopped waiting on its own. Should it wait for the loader instead, the test would hang, so
  // the 5 s timeout is a liveness bound (100 times waitMs), not a measure of speed.
  test('a list still loading is not waited for beyond waitMs; once it arrives it is used', { timeout: 5_000 }, async () => {
    let release: (names: { name: string }[]) => void = () => {};
    const loading = new Promise<{ name: string }[]>((resolve) => {
      release = resolve;
    });
    let loads = 0;
    const known = createKnownFunctions(
      () => {
        loads++;
        return loading;
      },
      { waitMs: 50 },
    );
    assert.equal(await known.get(), null);
    assert.equal(await known.get(), null, 'still loading: still unknown, without a second fetch');
    assert.equal(loads, 1);
    release([{ name: 'alias' }]);
    assert.deepEqual([...((await known.get()) ?? [])], ['alias']);
    assert.equal(loads, 1);
  });
});
