import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_CATEGORIES } from '@/lib/errors-explained';
import { errorTarget, errorTargets, eventSpan, isErrorCategory } from '@/lib/status/error-targets';

test('counter categories sum the contract counter', () => {
  assert.equal(
    errorTarget('class1', 'throttled'),
    "alias(consolidateBy(stats.counters.jupyterhub.class1.spawns.throttled.count,'sum'),'throttled')",
  );
});

test('family categories sum the matching status codes only, less what another category counts', () => {
  assert.equal(
    errorTarget('class1', 'hub_5xx'),
    'alias(consolidateBy(removeBelowValue(sumSeries(stats.counters.jupyterhub.class1.requests.status.5[0-9][0-9].count,' +
      "scale(stats.counters.jupyterhub.class1.requests.spawn_5xx.count,-1)),0),'sum'),'hub_5xx')",
  );
  assert.match(errorTarget('class1', 'proxy_503'), /proxy\.errors\.503\.count/);
  assert.match(errorTarget('class1', 'server_not_running'), /requests\.status\.424\.count/);
});

test('one target per category, or just the chosen one; bad hub names are refused', () => {
  assert.equal(errorTargets('h').length, ERROR_CATEGORIES.length);
  assert.deepEqual(errorTargets('h', 'failed_login'), [errorTarget('h', 'failed_login')]);
  assert.throws(() => errorTarget("h'),evil(", 'throttled'), /not a hub name/);
  assert.equal(isErrorCategory('proxy_503'), true);
  assert.equal(isErrorCategory('<script>'), false);
});

test('event span covers the first to the end of the last non-zero bucket', () => {
  assert.deepEqual(
    eventSpan([
      [0, 100],
      [2, 110],
      [null, 120],
      [1, 130],
      [0, 140],
    ]),
    { from: 110, until: 140 },
  );
  assert.equal(eventSpan([[0, 100]]), null);
});
