import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseHub, hubsFromFind } from './hubs';

test('hubs are the branch names under stats.*.jupyterhub, whatever find format', () => {
  const nodes = [
    { path: 'stats.gauges.jupyterhub.default', name: 'default', leaf: false },
    { text: 'course-b', id: 'stats.gauges.jupyterhub.*', leaf: 0 },
    { path: 'stats.counters.jupyterhub.course-b', is_leaf: false },
    { path: 'stats.gauges.jupyterhub.some_leaf', name: 'some_leaf', leaf: true },
    { path: 'stats.gauges.jupyterhub.bad name', leaf: false },
  ];
  assert.deepEqual(hubsFromFind(nodes), ['course-b', 'default']);
});

test('the only hub is chosen; the URL wins when it reports; else default, else first', () => {
  assert.equal(chooseHub(['solo'], null), 'solo');
  assert.equal(chooseHub(['a', 'b'], 'b'), 'b');
  assert.equal(chooseHub(['a', 'default'], 'gone'), 'default');
  assert.equal(chooseHub(['b', 'a'], null), 'b');
  assert.equal(chooseHub([], 'pending'), 'pending', 'before find answers, keep the URL choice');
  assert.equal(chooseHub([], null), null);
});
