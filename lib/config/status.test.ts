import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from './errors';
import { loadConfigFile, parseConfigFile } from './file';
import { DEFAULT_THRESHOLDS } from './status';

const parseThresholds = (json: unknown, source: string) => parseConfigFile(json, source).status;
const loadThresholds = (env: Record<string, string>, cwd: string) => loadConfigFile(env, cwd).status;

test('defaults are the documented ones', () => {
  assert.deepEqual(DEFAULT_THRESHOLDS, {
    windowMinutes: 15,
    noDataDownMinutes: 5,
    spawnFailureRatio: 0.05,
    minFailedSpawns: 1,
    slowHealthMs: 2000,
    incidentLookbackDays: 7,
  });
});

test('a partial file keeps the other defaults; other sections are left alone', () => {
  const t = parseThresholds({ status: { spawnFailureRatio: 0.1 }, proxy: { anything: true } }, 'x.json');
  assert.equal(t.spawnFailureRatio, 0.1);
  assert.equal(t.windowMinutes, 15);
});

test('errors name the file and the field', () => {
  assert.throws(() => parseThresholds({ status: { spawnFailureRatio: 5 } }, 'h.json'), /h\.json: status\.spawnFailureRatio/);
  assert.throws(() => parseThresholds({ status: { spawnFailureRate: 0.1 } }, 'h.json'), /h\.json: status.*spawnFailureRate/);
  assert.throws(
    () => parseThresholds({ status: { windowMinutes: 0 } }, 'h.json'),
    (error: unknown) => error instanceof ConfigError,
  );
});

test('missing default file -> defaults; missing explicit file -> error naming HUBWATCH_CONFIG', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hubwatch-thresholds-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.deepEqual(loadThresholds({}, dir), DEFAULT_THRESHOLDS);
  assert.throws(() => loadThresholds({ HUBWATCH_CONFIG: 'nope.json' }, dir), /HUBWATCH_CONFIG: cannot read .*nope\.json/);
  writeFileSync(path.join(dir, 'hubwatch.config.json'), '{"status": {"windowMinutes": 30}}');
  assert.equal(loadThresholds({}, dir).windowMinutes, 30);
  writeFileSync(path.join(dir, 'bad.json'), '{nope');
  assert.throws(() => loadThresholds({ HUBWATCH_CONFIG: 'bad.json' }, dir), /bad\.json: not valid JSON/);
});
