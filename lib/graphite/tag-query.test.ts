import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TAGSPEC_ALL_EMPTY, tagQueryRejection } from './tag-query';

// The cases graphite-web 1.1.8's tag database (graphite/tags/localdatabase.py) refuses, and the ones it runs.

describe('tagQueryRejection', () => {
  test('every tagspec also matching an untagged series is refused with Graphite own words', () => {
    for (const target of [
      "seriesByTag('name=~.*')",
      'seriesByTag("name=~.*")',
      "seriesByTag('a=', 'b!=x')",
      "seriesByTag('a!=~x')",
      "sumSeries(seriesByTag('name=~^.*$'))",
      "alias(seriesByTag( 'name=~a*' ), 'x')",
    ]) {
      assert.equal(tagQueryRejection(target), TAGSPEC_ALL_EMPTY, target);
    }
  });

  test('a query with one selective tagspec, or one it cannot judge, is left to Graphite', () => {
    for (const target of [
      "seriesByTag('name=a.b')",
      "seriesByTag('name=~.*', 'hub=x')",
      "seriesByTag('name=~.+')",
      "seriesByTag('a!=~.*')",
      "seriesByTag('a!=')",
      'seriesByTag()',
      "seriesByTag('name=~(?P<x>.*)')",
      "seriesByTag('name=~.*', a.b)",
      'a.seriesByTag.b',
      'alias(a.b, "seriesByTag(\'name=~.*\')")',
      'hubwatch.hubs.*.servers.running',
    ]) {
      assert.equal(tagQueryRejection(target), undefined, target);
    }
  });

  test('a tagspec Graphite cannot parse is refused as Graphite refuses it, the first one in order', () => {
    assert.equal(tagQueryRejection("seriesByTag('x')"), 'ValueError: Invalid tagspec x');
    assert.equal(tagQueryRejection("seriesByTag('name=a', 'no operator', 'y')"), 'ValueError: Invalid tagspec no operator');
    assert.equal(tagQueryRejection("seriesByTag('a;b=c')"), 'ValueError: Invalid tagspec a;b=c');
    assert.equal(tagQueryRejection(`seriesByTag('${'x'.repeat(300)}')`)?.length, 201);
  });
});
