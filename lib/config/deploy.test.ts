import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadDeployConfig } from './deploy';
import { ConfigError } from './errors';

describe('HUBWATCH_DEPLOY_TOKEN', () => {
  test('unset or empty: recording over HTTP is off', () => {
    assert.deepEqual(loadDeployConfig({}), { token: null });
    assert.deepEqual(loadDeployConfig({ HUBWATCH_DEPLOY_TOKEN: '' }), { token: null });
  });

  test('a good token is kept as given', () => {
    assert.deepEqual(loadDeployConfig({ HUBWATCH_DEPLOY_TOKEN: 'x'.repeat(16) }), { token: 'x'.repeat(16) });
  });

  for (const [value, problem] of [
    ['short', 'must be at least 16 characters (e.g. openssl rand -hex 32)'],
    [`${'x'.repeat(16)} y`, 'must be printable ASCII without spaces (it travels in an Authorization header)'],
  ]) {
    test(`${JSON.stringify(value)} stops start-up, naming the variable`, () => {
      assert.throws(
        () => loadDeployConfig({ HUBWATCH_DEPLOY_TOKEN: value }),
        (error: unknown) => error instanceof ConfigError && error.message === `invalid configuration: HUBWATCH_DEPLOY_TOKEN: ${problem}`,
      );
    });
  }
});
