import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError } from './errors';
import { loadNodesConfig } from './nodes';

describe('loadNodesConfig', () => {
  test('no nodes by default; retry delay 60 s like Graphite', () => {
    const config = loadNodesConfig({}, 2000);
    assert.deepEqual(config.nodes, []);
    assert.equal(config.retryDelayMs, 60_000);
    assert.equal(config.probeTimeoutMs, 2000);
  });

  test('commas or spaces separate; every URL ends with a slash', () => {
    const config = loadNodesConfig(
      {
        HUBWATCH_GRAPHITE_NODES: 'http://127.0.0.1:8091, http://127.0.0.1:8092/graphite  https://n3',
        HUBWATCH_GRAPHITE_RETRY_DELAY_S: '10',
      },
      2000,
    );
    assert.deepEqual(config.nodes, ['http://127.0.0.1:8091/', 'http://127.0.0.1:8092/graphite/', 'https://n3/']);
    assert.equal(config.retryDelayMs, 10_000);
  });

  test('a bad entry names the variable, the entry and the problem', () => {
    assert.throws(
      () => loadNodesConfig({ HUBWATCH_GRAPHITE_NODES: 'http://a:1,ftp://b:2' }, 2000),
      (error: unknown) =>
        error instanceof ConfigError &&
        /HUBWATCH_GRAPHITE_NODES: node 2 \("ftp:\/\/b:2"\): must be http:\/\/ or https:\/\//.test(error.message),
    );
    assert.throws(() => loadNodesConfig({ HUBWATCH_GRAPHITE_NODES: 'http://a:1 http://a:1/' }, 2000), /listed twice/);
    assert.throws(() => loadNodesConfig({ HUBWATCH_GRAPHITE_NODES: 'http://u:p@a:1' }, 2000), /must not contain credentials/);
    assert.throws(
      () => loadNodesConfig({ HUBWATCH_GRAPHITE_RETRY_DELAY_S: 'soon' }, 2000),
      /HUBWATCH_GRAPHITE_RETRY_DELAY_S: must be a number/,
    );
  });
});
