import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nativeStepSeconds, storedStepSeconds } from './retention';

const now = 1_800_000_000;
const hourAgo = now - 3600;
const threeDaysAgo = now - 3 * 86_400;

test('the configured layout gives the step of the archive that covers the start', () => {
  assert.equal(nativeStepSeconds(hourAgo, now), 10);
  assert.equal(nativeStepSeconds(threeDaysAgo, now), 60);
  assert.equal(nativeStepSeconds(now - 60 * 86_400, now), 600);
  assert.equal(nativeStepSeconds(now - 2 * 365 * 86_400, now), 600);
});

test('an answer that agrees with the layout keeps the configured step', () => {
  assert.equal(storedStepSeconds([], hourAgo, now), 10);
  assert.equal(storedStepSeconds([10, 60], hourAgo, now), 10, '60 s is 6 stored points consolidated');
  assert.equal(storedStepSeconds([120], threeDaysAgo, now), 60);
});

test("an answer the layout cannot explain wins: another Graphite's retention", () => {
  // A cluster keeping 1 s points: finer than configured.
  assert.equal(storedStepSeconds([1, 5], hourAgo, now), 1);
  // A cluster keeping 15 s points: not a whole multiple of the configured 10 s.
  assert.equal(storedStepSeconds([15, 30], hourAgo, now), 15);
  // Steps that are not steps at all are ignored.
  assert.equal(storedStepSeconds([0, -10, Number.NaN], hourAgo, now), 10);
});
