import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lastSegmentMatcher } from './find-filter';

describe('lastSegmentMatcher', () => {
  const cases: [query: string, name: string, matches: boolean][] = [
    ['stats.gauges.hub', 'hub', true],
    ['stats.gauges.hub', 'hub2', false],
    ['stats.*', 'anything', true],
    ['stats.gauges.hub*', 'hub2', true],
    ['a.b?', 'b1', true],
    ['a.b?', 'b12', false],
    ['a.{x,y}', 'y', true],
    ['a.{x,y}', 'xy', false],
    ['a.{x*,y}', 'xz', true],
    ['a.host[12]', 'host2', true],
    ['a.host[12]', 'host3', false],
    ['a.host[!12]', 'host3', true],
    ['a.host[!12]', 'host1', false],
    ['a.b-c', 'b-c', true],
    ['a.b.c', 'bxc', false],
    ['top', 'top', true],
  ];
  for (const [query, name, matches] of cases) {
    test(`${query} ${matches ? 'matches' : 'does not match'} ${name}`, () => {
      assert.equal(lastSegmentMatcher(query)(name), matches);
    });
  }
});
