import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overlayBucketSeconds, overlayTargets } from './overlay-targets';

test('buckets are whole minutes, about 30 a side', () => {
  assert.equal(overlayBucketSeconds(600), 60);
  assert.equal(overlayBucketSeconds(7200), 240);
  assert.equal(overlayBucketSeconds(7 * 86_400), 20_160);
});

test('the overlay sums every failure reason of the hub, per bucket', () => {
  const { failures, wait } = overlayTargets('physics', 7200);
  for (const reason of ['error', 'exited', 'timeout', 'http_timeout']) {
    assert.ok(failures.includes(`stats.counters.jupyterhub.physics.spawns.failure.${reason}.count`));
  }
  assert.ok(failures.startsWith('summarize(sumSeries(') && failures.endsWith(',"240s","sum",false)'));
  assert.equal(wait, 'summarize(stats.timers.jupyterhub.physics.spawns.duration.median,"240s","avg",false)');
});
