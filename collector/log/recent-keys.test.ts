import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecentKeys } from './recent-keys';

test('bounded: past max keys the least recently set one goes', () => {
  const keys = new RecentKeys(2);
  keys.set('a', 1);
  keys.set('b', 2);
  keys.set('a', 3); // a is now the newest
  keys.set('c', 4);
  assert.deepEqual(keys.entries(), [
    ['a', 3],
    ['c', 4],
  ]);
  assert.equal(keys.get('b'), undefined);
  keys.delete('a');
  assert.equal(keys.size, 1);
});
