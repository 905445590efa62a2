import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTRACT_KEYS, type LedgerEntry, parseLedger, summarise } from '../../simulator/ledger';
import { capturedVersions, crashCaptureVersions, readCapture, readCrashCapture } from '../fixtures/captures';
import { MemoryEmitter } from '../metric-emitter';
import { LineSplitter } from './line-splitter';
import { LogParser } from './parser';

// Every supported JupyterHub version's real capture of `simulator --once`: the collector's log
// parser over the hub's whole log must count exactly what the ledger says happened.

function parse(bytes: Buffer): { out: MemoryEmitter; parser: LogParser } {
  const out = new MemoryEmitter();
  const parser = new LogParser(out);
  const splitter = new LineSplitter(parser);
  for (let i = 0; i < bytes.length; i += 1999) splitter.push(bytes.subarray(i, i + 1999));
  splitter.flushPartial();
  return { out, parser };
}

const versions = capturedVersions();

it('has a capture of every supported version', () => {
  assert.deepEqual(versions, ['3.0', '4.1.6', '5.5.4', '6.1.1']);
});

for (const version of versions) {
  describe(`JupyterHub ${version}: the collector on the real capture equals its ledger`, () => {
    const capture = readCapture(version);
    const entries = parseLedger(capture.ledger);
    const summary = summarise(entries);
    const text = capture.log.toString('utf8');
    const { out, parser } = parse(capture.log);

    it('is the version it claims to be, and a run whose every outcome is known', () => {
      const root = capture.apiRoot as { version?: string };
      assert.ok(root.version === version || root.version?.startsWith(`${version}.`), `${root.version}`);
      assert.equal(summary.unknown, 0);
      for (const key of CONTRACT_KEYS) assert.ok(summary.counts[key] > 0, `the run reached ${key}`);
    });

    it('counts every contract key exactly as the ledger', () => {
      const counted = Object.fromEntries(CONTRACT_KEYS.map((key) => [key, out.counter(key)]));
      assert.deepEqual(counted, summary.counts);
      assert.equal(out.timers.get('spawns.duration')?.length, summary.counts['spawns.success']);
      assert.equal(parser.attempts.size, 0, 'no attempt left open');
    });

    it('recognises every ERROR line (nothing unclassified)', () => {
      assert.equal(out.counter('errors.unclassified'), 0);
      assert.equal(parser.stats.lines, text.split('\n').length - 1);
    });

    it("counts the hub's access lines per status code, and only the hub's", () => {
      const perCode = new Map<number, number>();
      for (const m of text.matchAll(/^\[\w [\d-]+ [\d:.]+ JupyterHub log:\d+\] (\d{3}) [A-Z]+ .*ms$/gm)) {
        const code = Number(m[1]);
        perCode.set(code, (perCode.get(code) ?? 0) + 1);
      }
      const emitted = [...out.counters].filter(([k]) => k.startsWith('requests.status.'));
      assert.deepEqual(new Map(emitted), new Map([...perCode].map(([code, n]) => [`requests.status.${code}`, n])));
    });

    it('never puts a user name into a metric key', () => {
      const tag = entries.find((e) => e.kind === 'run')?.tag ?? 'missing-tag';
      const keys = [...out.counters.keys(), ...out.timers.keys(), ...out.gauges.keys()];
      assert.deepEqual(
        keys.filter((k) => k.includes(tag)),
        [],
      );
    });
  });
}

// The real captures of `simulator --crashes` (a server killed while the hub is down, one the hub
// resumed and then found dead, default and named servers): the collector over the hub's whole log,
// across its restarts, must count exactly what the ledger says happened.

const crashes = (entries: readonly LedgerEntry[]) => entries.filter((e) => e.kind === 'crash' && e.outcome === 'crashed');

it('has a crash capture of the default and the oldest supported version', () => {
  assert.deepEqual(crashCaptureVersions(), ['3.0', '6.1.1']);
});

for (const version of crashCaptureVersions()) {
  describe(`JupyterHub ${version}: every death across a hub restart counted once`, () => {
    const capture = readCrashCapture(version);
    const entries = parseLedger(capture.ledger);
    const summary = summarise(entries);
    const { out, parser } = parse(capture.log);

    it('is a run with both kinds of death, named servers and a stop on purpose', () => {
      assert.equal(summary.unknown, 0);
      const found = crashes(entries).map((e) => (e.kind === 'crash' ? (e.found ?? 'poll') : ''));
      assert.deepEqual(found.sort(), ['hub-start', 'hub-start', 'poll']);
      const named = entries.filter((e) => (e.kind === 'spawn' || e.kind === 'stop' || e.kind === 'crash') && e.server !== undefined);
      assert.deepEqual([...new Set(named.map((e) => `${e.kind}:${'outcome' in e ? e.outcome : ''}`))].sort(), [
        'crash:crashed',
        'spawn:error',
        'spawn:success',
        'stop:stopped',
      ]);
      assert.ok(summary.counts['servers.stopped'] > 0);
      // the hub really was stopped and started within the run
      assert.ok(entries.filter((e) => e.kind === 'hub' && e.action === 'start' && e.outcome === 'done').length >= 2);
    });

    it('counts every contract key exactly as the ledger', () => {
      const counted = Object.fromEntries(CONTRACT_KEYS.map((key) => [key, out.counter(key)]));
      assert.deepEqual(counted, summary.counts);
      assert.equal(out.timers.get('spawns.duration')?.length, summary.counts['spawns.success']);
      assert.equal(parser.attempts.size, 0, 'no attempt left open');
    });

    it('recognises every ERROR line (nothing unclassified)', () => {
      assert.equal(out.counter('errors.unclassified'), 0);
    });

    it('never puts a user name or a server name into a metric key', () => {
      const tag = entries.find((e) => e.kind === 'run')?.tag ?? 'missing-tag';
      const keys = [...out.counters.keys(), ...out.timers.keys(), ...out.gauges.keys()];
      assert.deepEqual(
        keys.filter((k) => k.includes(tag) || /\b(lab2?|x)\b/.test(k.split('.').join(' '))),
        [],
      );
    });
  });
}
