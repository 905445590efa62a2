import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError } from './errors';
import { loadListenConfig } from './listen';

describe('loadListenConfig', () => {
  test('listens on 127.0.0.1:3000 unless told otherwise', () => {
    assert.deepEqual(loadListenConfig({}), { port: 3000, host: '127.0.0.1' });
    assert.deepEqual(loadListenConfig({ PORT: '3100', HUBWATCH_HOST: '0.0.0.0' }), { port: 3100, host: '0.0.0.0' });
    assert.deepEqual(loadListenConfig({ PORT: '', HUBWATCH_HOST: '' }), { port: 3000, host: '127.0.0.1' });
  });

  const bad: [env: Record<string, string>, message: string][] = [
    [{ PORT: 'http' }, 'PORT: must be a number'],
    [{ PORT: '70000' }, 'PORT: must be at most 65535'],
    [{ HUBWATCH_HOST: 'http://x/' }, 'HUBWATCH_HOST: must be a host name or an IP address'],
  ];
  for (const [env, message] of bad) {
    test(`rejects ${JSON.stringify(env)} naming the variable`, () => {
      assert.throws(
        () => loadListenConfig(env),
        (error: unknown) => error instanceof ConfigError && error.message.includes(message),
      );
    });
  }
});
