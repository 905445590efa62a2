import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '.';
import { DEFAULT_IMPACT_CONFIG } from './impact';
import { DEFAULT_THRESHOLDS } from './status';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hubwatch-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('an empty environment and no file: every section at its documented default', (t) => {
  const config = loadConfig({}, tempDir(t));
  assert.equal(config.graphite.url, 'http://127.0.0.1:8080/');
  assert.deepEqual(config.listen, { port: 3000, host: '127.0.0.1' });
  assert.deepEqual(config.nodes, { nodes: [], retryDelayMs: 60_000, probeTimeoutMs: 2000 });
  assert.deepEqual(config.deploy, { token: null });
  assert.deepEqual(config.embed, { origins: [] });
  assert.deepEqual(config.status, DEFAULT_THRESHOLDS);
  assert.deepEqual(config.impact, DEFAULT_IMPACT_CONFIG);
});

test('the environment and the file meet in one value: node probes take the health timeout; the file its sections', (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'mine.json'), '{"status": {"windowMinutes": 30}, "impact": {"alpha": 0.01}}');
  const config = loadConfig(
    { HUBWATCH_CONFIG: 'mine.json', HUBWATCH_HEALTH_TIMEOUT_MS: '700', HUBWATCH_GRAPHITE_NODES: 'http://a:1' },
    dir,
  );
  assert.deepEqual(config.nodes, { nodes: ['http://a:1/'], retryDelayMs: 60_000, probeTimeoutMs: 700 });
  assert.equal(config.status.windowMinutes, 30);
  assert.equal(config.impact.alpha, 0.01);
});

test('every bad value of one start is named at once: variables and the file field', (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'hubwatch.config.json'), '{"status": {"spawnFailureRatio": 5}}');
  const env = { GRAPHITE_URL: 'ftp://x/', PORT: 'http', HUBWATCH_DEPLOY_TOKEN: 'short', HUBWATCH_GRAPHITE_NODES: 'nope' };
  assert.throws(
    () => loadConfig(env, dir),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^invalid configuration: /);
      for (const name of [
        'GRAPHITE_URL: must be http',
        'PORT: must be a number',
        'HUBWATCH_DEPLOY_TOKEN: must be at least 16',
        'HUBWATCH_GRAPHITE_NODES: node 1',
        'hubwatch.config.json: status.spawnFailureRatio',
      ]) {
        assert.ok(error.message.includes(name), `${name} in ${error.message}`);
      }
      return true;
    },
  );
});
