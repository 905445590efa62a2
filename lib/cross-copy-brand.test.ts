import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from './config';
import { GraphiteError } from './graphite/errors';
import { toApiError } from './http/route';

// What another copy of lib/ in the same process would throw: different classes, same brands.
const GRAPHITE_BRAND = Symbol.for('hubwatch.GraphiteError');
const CONFIG_BRAND = Symbol.for('hubwatch.ConfigError');
class OtherCopyGraphiteError extends Error {
  readonly [GRAPHITE_BRAND] = true;
  readonly kind = 'unreachable';
}
class OtherCopyConfigError extends Error {
  readonly [CONFIG_BRAND] = true;
}

test("an error from the other copy of lib/ passes this copy's instanceof, and maps to the same API error", () => {
  assert.ok(new OtherCopyGraphiteError('x') instanceof GraphiteError);
  assert.ok(new OtherCopyConfigError('x') instanceof ConfigError);
  assert.equal(toApiError(new OtherCopyGraphiteError('x')).code, 'graphite_unreachable');
  assert.equal(toApiError(new OtherCopyConfigError('x')).code, 'config_error');
});

test('anything else is not mistaken for them', () => {
  for (const value of [new Error('x'), new ConfigError('x'), null, undefined, 'GraphiteError', { kind: 'unreachable' }]) {
    assert.equal(value instanceof GraphiteError, false, String(value));
  }
  assert.ok(new GraphiteError('timeout', 'x') instanceof GraphiteError);
  assert.ok(new GraphiteError('timeout', 'x') instanceof Error);
  assert.equal(new GraphiteError('timeout', 'x') instanceof ConfigError, false);
});
