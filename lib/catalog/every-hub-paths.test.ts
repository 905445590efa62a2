import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counterPath, everyHubCounterPath, everyHubGaugePath, GAUGE_KEYS, gaugePath, HUB_NODE, keyNode, parseGaugePath } from '.';

test('a path over every hub is the one-hub path with a glob in the hub node', () => {
  const hubNode = (path: string) => path.split('.')[HUB_NODE];
  assert.equal(hubNode(counterPath('physics', 'spawns.success')), 'physics');
  assert.equal(everyHubCounterPath('spawns.success'), counterPath('physics', 'spawns.success').replace('.physics.', '.*.'));
  assert.equal(everyHubGaugePath('hub.up'), gaugePath('physics', 'hub.up').replace('.physics.', '.*.'));
  // groupByNodes by the key's second node tells a success from a failure of any reason.
  assert.equal(counterPath('physics', 'spawns.failure.timeout').split('.')[keyNode(1)], 'failure');
  assert.equal(everyHubCounterPath('spawns.failure.*').split('.')[keyNode(1)], 'failure');
});

test('parseGaugePath reads back every gauge key of every hub, and nothing else', () => {
  for (const key of GAUGE_KEYS) assert.deepEqual(parseGaugePath(gaugePath('chem-2', key)), { hub: 'chem-2', key });
  assert.equal(parseGaugePath(counterPath('chem', 'spawns.success')), null);
  assert.equal(parseGaugePath('stats.gauges.jupyterhub.chem.hub.unknown'), null);
  assert.equal(parseGaugePath('stats.gauges.jupyterhub.*.hub.up'), null);
  assert.equal(parseGaugePath('stats.gauges.jupyterhub.chem'), null);
});
