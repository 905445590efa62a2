import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readCapture } from '../fixtures/captures';
import { LineSplitter } from '../log/line-splitter';
import { LogParser } from '../log/parser';
import { MemoryEmitter } from '../metric-emitter';
import type { Point } from './archive-plan';
import type { BackfillOptions } from './backfill-options';
import { runBackfill } from './run-backfill';

// The real captures of JupyterHub 3.0 and 6.1.1: the backfill's points, added up over the log's
// range, must count what the live collector's parser counts on the same log (captures.test.ts
// shows those counts equal each capture's ledger), and importing again, in pieces, in any order,
// overlapping or twice, must give the very same points.

const dir = mkdtempSync(join(tmpdir(), 'hubwatch-backfill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function options(files: string[]): BackfillOptions {
  return {
    hubName: 'cap',
    files,
    carbon: null,
    graphiteUrl: new URL('http://127.0.0.1:1'),
    dashboardUrl: null,
    deployToken: null,
    dryRun: true,
    force: false,
    tz: 'UTC',
    createsPerMinute: 500,
  };
}

async function backfill(files: string[], nowMs: number) {
  const points: Point[] = [];
  const report = await runBackfill(options(files), Readable.from([]), process.stderr, { collect: (p) => points.push(p), nowMs });
  const byKey = new Map<string, number>();
  for (const p of points) byKey.set(`${p.metric} ${p.ts}`, p.value);
  return { report, points, byKey };
}

function live(log: Buffer): MemoryEmitter {
  const out = new MemoryEmitter();
  const splitter = new LineSplitter(new LogParser(out));
  splitter.push(log);
  splitter.flushPartial();
  return out;
}

/** Sum of every `.count` point of a counter, and timer counts and bins, by key relative to the hub. */
function totals(points: readonly Point[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of points) {
    const m = /^stats\.(counters|timers)\.jupyterhub\.cap\.(.+)\.(count|histogram\.bin_\w+)$/.exec(p.metric);
    if (!m?.[2] || !m[3]) continue;
    const key = m[1] === 'counters' ? m[2] : `${m[2]}.${m[3]}`;
    out.set(key, (out.get(key) ?? 0) + p.value);
  }
  return out;
}

for (const version of ['3.0', '6.1.1']) {
  describe(`JupyterHub ${version}: backfill of the real capture`, () => {
    const capture = readCapture(version);
    const path = join(dir, `${version}.log`);
    writeFileSync(path, capture.log);
    const text = capture.log.toString('latin1');
    const firstMs = Date.parse(`${/\[I (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/.exec(text)?.[1]?.replace(' ', 'T')}Z`);

    for (const [label, ageMs] of [
      ['an hour old (10 s archive)', 3_600_000],
      ['a week old (1 min archive)', 7 * 86_400_000],
      ['two months old (10 min archive)', 60 * 86_400_000],
    ] as const) {
      it(`counts what the live collector counts, ${label}`, async () => {
        const { report, points } = await backfill([path], firstMs + ageMs);
        assert.equal(report.exitCode, 0, report.problems.join('\n'));
        const out = live(capture.log);
        const expected = new Map<string, number>([...out.counters].filter(([, n]) => n > 0));
        for (const [key, values] of out.timers) expected.set(`${key}.count`, values.length);
        const got = totals(points);
        for (const [key, n] of expected) assert.equal(got.get(key), n, key);
        const bins = [...got].filter(([k]) => k.startsWith('spawns.duration.histogram.')).reduce((s, [, n]) => s + n, 0);
        assert.equal(bins, out.timers.get('spawns.duration')?.length);
        const steps = new Set(points.map((p) => (p.ts % 600 === 0 ? 600 : p.ts % 60 === 0 ? 60 : 10)));
        assert.ok(ageMs > 86_400_000 ? !steps.has(10) : steps.has(10), `timestamps aligned to the archive: ${[...steps]}`);
        assert.ok(points.some((p) => p.metric === 'stats.gauges.jupyterhub.cap.history.imported'));
      });
    }

    it('gives the same points again, and for a rotated set in pieces, overlapping, gzipped, in any order, or twice', async () => {
      const now = firstMs + 3_600_000;
      const once = await backfill([path], now);
      const again = await backfill([path], now);
      assert.deepEqual(again.byKey, once.byKey);
      const lines = text.split(/(?<=\n)/);
      const third = Math.floor(lines.length / 3);
      const parts = [lines.slice(0, third + 40), lines.slice(third, 2 * third + 25), lines.slice(2 * third)];
      const names = parts.map((_, i) => join(dir, `${version}.log.${2 - i}${i === 0 ? '.gz' : ''}`));
      parts.forEach((part, i) => {
        const bytes = Buffer.from(part.join(''), 'latin1');
        writeFileSync(names[i] ?? '', i === 0 ? gzipSync(bytes) : bytes);
      });
      const rotated = await backfill([...names].reverse(), now);
      assert.equal(rotated.report.exitCode, 0, rotated.report.problems.join('\n'));
      assert.deepEqual(rotated.byKey, once.byKey);
      const twice = await backfill([path, path], now);
      assert.deepEqual(twice.byKey, once.byKey);
    });
  });
}

describe('bad input', () => {
  const capture = readCapture('6.1.1');
  it('a truncated .gz, a missing file and a log of another program: named, the rest imported, exit 1', async () => {
    const gz = gzipSync(capture.log);
    const truncated = join(dir, 'cut.log.gz');
    writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length / 2)));
    const other = join(dir, 'nginx.log');
    writeFileSync(other, '127.0.0.1 - - [01/Dec/2026:08:41:57 +0000] "GET / HTTP/1.1" 200 612\n'.repeat(50));
    const { report, points } = await backfill([truncated, join(dir, 'missing.log'), other], Date.now());
    assert.equal(report.exitCode, 1);
    const text = report.problems.join('\n');
    assert.match(text, /cut\.log\.gz: truncated or damaged gzip after line \d+/);
    assert.match(text, /missing\.log: cannot read \(no such file\)/);
    assert.match(text, /nginx\.log: not a JupyterHub log/);
    assert.ok(points.length > 0, 'the readable part was imported');
  });
});
