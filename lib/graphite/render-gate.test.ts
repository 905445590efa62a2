import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphiteError } from './errors';
import { createGate } from './render-gate';

const deferred = () => {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

test('at most maxInFlight tasks run; the next wait in order; past maxQueued a task fails at once as busy', async () => {
  const gate = createGate({ maxInFlight: 2, maxQueued: 1 });
  const started: number[] = [];
  const blockers = [deferred(), deferred(), deferred()];
  const runs = blockers.map((b, i) =>
    gate.run(async () => {
      started.push(i);
      await b.promise;
      return i;
    }),
  );
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, [0, 1]);
  assert.deepEqual(gate.stats(), { inFlight: 2, waiting: 1 });
  await assert.rejects(
    gate.run(async () => 9),
    (error: unknown) => error instanceof GraphiteError && error.kind === 'busy',
  );
  blockers[0]?.resolve();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, [0, 1, 2]);
  for (const b of blockers) b.resolve();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2]);
  assert.deepEqual(gate.stats(), { inFlight: 0, waiting: 0 });
});

test('a failing task frees its place', async () => {
  const gate = createGate({ maxInFlight: 1, maxQueued: 0 });
  await assert.rejects(gate.run(async () => Promise.reject(new Error('boom'))));
  assert.equal(await gate.run(async () => 'next'), 'next');
});

test('a render that waits longer than maxWaitMs gives up its place and fails as busy', async () => {
  const gate = createGate({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 20 });
  const blocker = deferred();
  const first = gate.run(() => blocker.promise);
  await assert.rejects(
    gate.run(async () => 'late'),
    (error: unknown) => error instanceof GraphiteError && error.kind === 'busy',
  );
  assert.deepEqual(gate.stats(), { inFlight: 1, waiting: 0 });
  blocker.resolve();
  await first;
});
