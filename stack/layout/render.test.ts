import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { METRICS_LAYOUT } from '../../lib/catalog';
import { statsdConfig, storageSchemasConf } from './render';

const ROOT = join(import.meta.dirname, '..', '..');
const PYTHON = '/usr/bin/python3';
// Debian's graphite-carbon and python3-whisper: what the stack's carbon itself runs with.
const carbonInstalled = existsSync('/usr/bin/whisper-resize') && existsSync('/usr/lib/python3/dist-packages/carbon/storage.py');
const skip = carbonInstalled ? false : 'graphite-carbon / python3-whisper not installed (bash stack/install.sh carbon)';
const dir = mkdtempSync(join(tmpdir(), 'hubwatch-layout-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The tuples carbon's own loader reads from a CONF_DIR, per schema name (the built-in default excluded). */
function carbonReads(confDir: string): Record<string, Array<[number, number]>> {
  const script = [
    'import json, sys',
    'from carbon.conf import settings',
    'settings.CONF_DIR = sys.argv[1]',
    'from carbon.storage import loadStorageSchemas',
    "print(json.dumps({s.name: [a.getTuple() for a in s.archives] for s in loadStorageSchemas() if s.name != 'default' or hasattr(s, 'regex')}))",
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, confDir], { encoding: 'utf8' }));
}

function confDir(): string {
  const conf = join(dir, 'conf');
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'storage-schemas.conf'), storageSchemasConf());
  copyFileSync(join(ROOT, 'stack', 'carbon', 'storage-aggregation.conf'), join(conf, 'storage-aggregation.conf'));
  return conf;
}

describe('the stack configuration generated from the layout', () => {
  it('storage-schemas.conf reads, by carbon, as the layout', { skip }, () => {
    const read = carbonReads(confDir());
    for (const schema of METRICS_LAYOUT.storageSchemas) {
      assert.deepEqual(
        read[schema.name],
        schema.archives.map((a) => [a.stepSeconds, a.keepSeconds / a.stepSeconds]),
        schema.name,
      );
    }
  });

  it("StatsD's config has the layout's flush interval and bins, and nothing else changed", () => {
    const template = readFileSync(join(ROOT, 'stack', 'statsd', 'config.js.tmpl'), 'utf8');
    // StatsD evaluates its config file as a JavaScript expression.
    const config = runInNewContext(`(${statsdConfig(template)})`);
    assert.equal(config.flushInterval, METRICS_LAYOUT.flushIntervalSeconds * 1000);
    assert.deepEqual(
      JSON.parse(JSON.stringify(config.histogram)),
      METRICS_LAYOUT.histograms.map((rule) => ({ metric: rule.metric, bins: rule.bins.map((b) => (b === Infinity ? 'inf' : b)) })),
    );
    assert.equal(config.graphite.globalPrefix, 'stats');
    assert.equal(config.graphite.legacyNamespace, false);
    assert.throws(() => statsdConfig('{ a: @NOPE@ }'), /@NOPE@/);
  });

  it('carbon reads its schemas from the generated folder, not the repo', () => {
    const conf = readFileSync(join(ROOT, 'stack', 'carbon', 'carbon.conf.tmpl'), 'utf8');
    assert.match(conf, /^CONF_DIR\s*=\s*@ETC_DIR@\/carbon\/$/m);
    assert.equal(existsSync(join(ROOT, 'stack', 'carbon', 'storage-schemas.conf')), false, 'no second copy in the repo');
  });
});
