import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigFile } from './file';
import { DEFAULT_IMPACT_CONFIG } from './impact';

test('the impact section has defaults, and a bad value names the field', () => {
  assert.deepEqual(parseConfigFile({}, 'f.json').impact, DEFAULT_IMPACT_CONFIG);
  const custom = parseConfigFile({ impact: { alpha: 0.01, measures: { spawnWaitP95: { minAbsolute: 5000 } } } }, 'f.json').impact;
  assert.equal(custom.alpha, 0.01);
  assert.deepEqual(custom.measures.spawnWaitP95, { minAbsolute: 5000, minRelative: 0.2, minSamples: 20 });
  assert.deepEqual(custom.measures.spawnFailureRate, DEFAULT_IMPACT_CONFIG.measures.spawnFailureRate);
  assert.throws(
    () => parseConfigFile({ impact: { measures: { spawnWaitP95: { minAbsolute: -1 } } } }, 'f.json'),
    /f\.json: impact\.measures\.spawnWaitP95\.minAbsolute: /,
  );
  assert.throws(() => parseConfigFile({ impact: { measures: { spawnWait: {} } } }, 'f.json'), /f\.json: impact\.measures: .*spawnWait/);
  assert.throws(() => parseConfigFile({ impact: { alpha: 2 } }, 'f.json'), /impact\.alpha: /);
});
