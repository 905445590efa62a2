import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { METRICS_LAYOUT, STATSD_ARCHIVES } from '../../lib/catalog';
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

describe('resize-whisper.py on existing files', () => {
  const python = (code: string, ...args: string[]): string => execFileSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8' });
  const resize = (whisperDir: string, conf: string): string =>
    execFileSync(PYTHON, [join(ROOT, 'stack', 'carbon', 'resize-whisper.py'), whisperDir, conf], { encoding: 'utf8' });

  it('brings old files to the layout, keeps their points and aggregation, and is a no-op the second time', { skip }, () => {
    const conf = confDir();
    const whisperDir = join(dir, 'whisper');
    const counter = join(whisperDir, 'stats', 'counters', 'jupyterhub', 't', 'spawns', 'success', 'count.wsp');
    const carbonOwn = join(whisperDir, 'carbon', 'agents', 'a', 'cpuUsage.wsp');
    for (const file of [counter, carbonOwn]) mkdirSync(dirname(file), { recursive: true });
    const now = Math.floor(Date.now() / 1000);
    // A counter as the old 10s:1d,1m:7d,10m:1y stack made it: sums, 2 an hour for 10 days, so the
    // last day is in all three archives and days 7-10 only in the 10-minute one.
    python(
      [
        'import sys, whisper',
        "whisper.create(sys.argv[1], [(10, 8640), (60, 10080), (600, 52560)], xFilesFactor=0, aggregationMethod='sum')",
        'now = int(sys.argv[3])',
        'whisper.update_many(sys.argv[1], [(now - h * 3600 - 30, 2.0) for h in range(240)], now=now)',
        "whisper.create(sys.argv[2], [(60, 129600)], xFilesFactor=0, aggregationMethod='average')",
      ].join('\n'),
      counter,
      carbonOwn,
      String(now),
    );
    const info = (file: string) =>
      JSON.parse(
        python(
          'import json, sys, whisper\ni = whisper.info(sys.argv[1])\nprint(json.dumps({"archives": [[a["secondsPerPoint"], a["points"]] for a in i["archives"]], "aggregation": i["aggregationMethod"], "xff": i["xFilesFactor"]}))',
          file,
        ),
      );
    // The count over the last `days` days, as Graphite would sum it from the archive that covers them.
    const total = (file: string, days: number) =>
      Number(
        python(
          'import sys, whisper\n(_, values) = whisper.fetch(sys.argv[1], int(sys.argv[2]))\nprint(sum(v for v in values if v is not None))',
          file,
          String(now - days * 86_400),
        ),
      );
    assert.equal(total(counter, 11), 480);
    const carbonBefore = statSync(carbonOwn).mtimeMs;

    assert.match(resize(whisperDir, conf), /resized 1 files/);
    assert.deepEqual(info(counter), {
      archives: STATSD_ARCHIVES.map((a) => [a.stepSeconds, a.keepSeconds / a.stepSeconds]),
      aggregation: 'sum',
      xff: 0,
    });
    assert.equal(total(counter, 11), 480, 'the 1-minute archive: every count once, none twice');
    assert.equal(total(counter, 30), 480, 'the 10-minute archive: the same total');
    assert.equal(total(counter, 0.5), 24, 'the 10 s archive: the last 12 hours');
    assert.equal(statSync(carbonOwn).mtimeMs, carbonBefore, "carbon's own file already matched: untouched");

    const counterBefore = statSync(counter).mtimeMs;
    assert.match(resize(whisperDir, conf), /every file has the archives/);
    assert.equal(statSync(counter).mtimeMs, counterBefore, 'second run: untouched');
    assert.equal(existsSync(`${counter}.bak`), false, 'no backup left behind');
  });
});
