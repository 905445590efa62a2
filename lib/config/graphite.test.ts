import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError } from './errors';
import { loadGraphiteConfig as loadConfig } from './graphite';

describe('loadGraphiteConfig', () => {
  test('defaults', () => {
    const config = loadConfig({});
    assert.equal(config.url, 'http://127.0.0.1:8080/');
    assert.equal(config.timeoutMs, 10_000);
    assert.equal(config.cache.enabled, true);
    assert.equal(config.cache.relativeTtlMs, 10_000);
    assert.ok(config.cache.absoluteTtlMs > config.cache.relativeTtlMs);
  });

  test('GRAPHITE_URL keeps a path prefix and always ends with a slash', () => {
    assert.equal(loadConfig({ GRAPHITE_URL: 'http://127.0.0.1:8090' }).url, 'http://127.0.0.1:8090/');
    assert.equal(loadConfig({ GRAPHITE_URL: 'https://g.example/graphite' }).url, 'https://g.example/graphite/');
    assert.equal(loadConfig({ GRAPHITE_URL: ' http://h:1/g/ ' }).url, 'http://h:1/g/');
  });

  test('empty variables fall back to defaults', () => {
    const config = loadConfig({ GRAPHITE_URL: '', GRAPHITE_TIMEOUT_MS: '', HUBWATCH_CACHE: '' });
    assert.equal(config.url, 'http://127.0.0.1:8080/');
    assert.equal(config.timeoutMs, 10_000);
    assert.equal(config.cache.enabled, true);
  });

  test('HUBWATCH_CACHE=off switches the cache off; numbers are parsed', () => {
    const config = loadConfig({ HUBWATCH_CACHE: 'off', GRAPHITE_TIMEOUT_MS: '2500', HUBWATCH_CACHE_RELATIVE_MS: '5000' });
    assert.equal(config.cache.enabled, false);
    assert.equal(config.timeoutMs, 2500);
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
