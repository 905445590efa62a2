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

  test('a slow list is not waited for beyond waitMs', async () => {
    const known = createKnownFunctions(() => sleep(200).then(() => [{ name: 'alias' }]), { waitMs: 20 });
    const started = Date.now();
    assert.equal(await known.get(), null);
    assert.ok(Date.now() - started < 150);
  });
});
