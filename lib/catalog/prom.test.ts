import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counterPath, gaugePath, leSegment, parseLeBound, promCounterBase, promKey } from '@/lib/catalog';

test('a sample is named by family, kept label values in label-name order, then the part', () => {
  const labels = [
    ['code', '200'],
    ['handler', 'HomeHandler'],
    ['le', '0.5'],
  ] as const;
  assert.equal(promKey('jupyterhub_request_duration_seconds', labels), 'prom.jupyterhub_request_duration_seconds.200.HomeHandler');
  assert.equal(
    promKey('jupyterhub_request_duration_seconds', labels, ['code'], leSegment('0.5')),
    'prom.jupyterhub_request_duration_seconds.200.le_0_5',
  );
  assert.equal(promKey('x', [['status', 'ServerPollStatus.running']], undefined, 'count'), 'prom.x.ServerPollStatus_running.count');
  assert.equal(promKey('x', [['a', '']]), 'prom.x._');
});

test('le segments and their inverse', () => {
  for (const [le, segment, bound] of [
    ['0.005', 'le_0_005', 0.005],
    ['10.0', 'le_10', 10],
    ['+Inf', 'le_inf', Infinity],
  ] as const) {
    assert.equal(leSegment(le), segment);
    assert.equal(parseLeBound(`stats.counters.jupyterhub.h.prom.f.${segment}.count`), bound);
  }
  assert.equal(parseLeBound('a.prom.x.count.count'), null);
});

test('prom keys land under the hub like any other key', () => {
  assert.equal(counterPath('h', 'prom.f.le_inf'), 'stats.counters.jupyterhub.h.prom.f.le_inf.count');
  assert.equal(gaugePath('h', 'prom.jupyterhub_total_users'), 'stats.gauges.jupyterhub.h.prom.jupyterhub_total_users');
  assert.equal(promCounterBase('h', 'f'), 'stats.counters.jupyterhub.h.prom.f');
  assert.throws(() => promCounterBase('bad hub', 'f'), /hub/);
});
