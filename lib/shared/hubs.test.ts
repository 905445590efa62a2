import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseHub, hubsFromFind } from './hubs';

test('hubs are the branch names of the find answer; leaves and names no hub could have are left out', () => {
  const nodes = [
    { path: 'stats.gauges.jupyterhub.default', name: 'default', leaf: false },
    { path: 'stats.gauges.jupyterhub.course-b', name: 'course-b', leaf: false },
    { path: 'stats.gauges.jupyterhub.some_leaf', name: 'some_leaf', leaf: true },
    { path: 'stats.gauges.jupyterhub.bad name', name: 'bad name', leaf: false },
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
