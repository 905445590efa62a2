import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig, loadListenConfig } from './config';

describe('loadConfig', () => {
  test('defaults', () => {
    const config = loadConfig({});
    assert.equal(config.graphiteUrl, 'http://127.0.0.1:8080/');
    assert.equal(config.graphiteTimeoutMs, 10_000);
    assert.equal(config.cache.enabled, true);
    assert.equal(config.cache.relativeTtlMs, 10_000);
    assert.ok(config.cache.absoluteTtlMs > config.cache.relativeTtlMs);
  });

  test('GRAPHITE_URL keeps a path prefix and always ends with a slash', () => {
    assert.equal(loadConfig({ GRAPHITE_URL: 'http://127.0.0.1:8090' }).graphiteUrl, 'http://127.0.0.1:8090/');
    assert.equal(loadConfig({ GRAPHITE_URL: 'https://g.example/graphite' }).graphiteUrl, 'https://g.example/graphite/');
    assert.equal(loadConfig({ GRAPHITE_URL: ' http://h:1/g/ ' }).graphiteUrl, 'http://h:1/g/');
  });

  test('empty variables fall back to defaults', () => {
    const config = loadConfig({ GRAPHITE_URL: '', GRAPHITE_TIMEOUT_MS: '', HUBWATCH_CACHE: '' });
    assert.equal(config.graphiteUrl, 'http://127.0.0.1:8080/');
    assert.equal(config.graphiteTimeoutMs, 10_000);
    assert.equal(config.cache.enabled, true);
  });

  test('HUBWATCH_CACHE=off switches the cache off; numbers are parsed', () => {
    const config = loadConfig({ HUBWATCH_CACHE: 'off', GRAPHITE_TIMEOUT_MS: '2500', HUBWATCH_CACHE_RELATIVE_MS: '5000' });
    assert.equal(config.cache.enabled, false);
    assert.equal(config.graphiteTimeoutMs, 2500);
    assert.equal(config.cache.relativeTtlMs, 5000);
  });

  const bad: [env: Record<string, string>, message: string][] = [
    [{ GRAPHITE_URL: 'not a url' }, 'GRAPHITE_URL: not a URL'],
    [{ GRAPHITE_URL: 'ftp://127.0.0.1/' }, 'GRAPHITE_URL: must be http:// or https://'],
    [{ GRAPHITE_URL: 'http://u:p@127.0.0.1/' }, 'GRAPHITE_URL: must not contain credentials'],
    [{ GRAPHITE_URL: 'http://127.0.0.1/?x=1' }, 'GRAPHITE_URL: must not contain a query or fragment'],
    [{ GRAPHITE_TIMEOUT_MS: 'soon' }, 'GRAPHITE_TIMEOUT_MS: must be a number'],
    [{ GRAPHITE_TIMEOUT_MS: '1.5' }, 'GRAPHITE_TIMEOUT_MS: must be an integer'],
    [{ GRAPHITE_TIMEOUT_MS: '5' }, 'GRAPHITE_TIMEOUT_MS: must be at least 100'],
    [{ HUBWATCH_CACHE: 'yes' }, 'HUBWATCH_CACHE: must be "on" or "off"'],
  ];
  for (const [env, message] of bad) {
    test(`rejects ${JSON.stringify(env)} naming the variable`, () => {
      assert.throws(
        () => loadConfig(env),
        (error) => error instanceof ConfigError && error.message === `invalid configuration: ${message}`,
      );
    });
  }
});

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
      assert.throws(() => loadListenConfig(env), (error: unknown) => error instanceof ConfigError && error.message.includes(message));
    });
  }
});
