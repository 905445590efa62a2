import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KEPT_LABELS, leSegment, type PromKey, promKey, safeSegment } from '../../lib/catalog';
import { SAMPLES_DIR } from '../fixtures/samples-dir';
import type { EmittedCounter, MetricEmitter } from '../metric-emitter';
import { MemoryEmitter } from '../metric-emitter';
import { PromDeltaTracker } from './delta-tracker';
import { isSkippedFamily, sampleId } from './metric-keys';
import { type Family, parsePromText } from './text-parser';

const SAMPLES = SAMPLES_DIR;
const SNAPSHOTS = [
  'metrics-run1-01-startup.txt',
  'metrics-run1-02-after-5-spawns.txt',
  'metrics-run1-03-after-failures.txt',
  'metrics-run1-04-mid.txt',
  'metrics-run1-05-final.txt',
  'metrics-run1-06-idle-before-shutdown.txt',
].map((f) => readFileSync(join(SAMPLES, f), 'utf8'));

/** Records every call; fails the test on a negative or zero counter increment. */
class StrictEmitter extends MemoryEmitter implements MetricEmitter {
  override count(key: EmittedCounter, n: number): void {
    assert.ok(n > 0, `non-positive increment ${n} for ${key}`);
    super.count(key, n);
  }
}

function keyed(families: Map<string, Family>, logCountsRequests: boolean): Map<PromKey, number> {
  // Expected cumulative value per StatsD key, summed over the raw series that map to it.
  const out = new Map<PromKey, number>();
  for (const f of families.values()) {
    if (isSkippedFamily(f.name) || f.type === 'gauge' || f.type === 'untyped') continue;
    if (logCountsRequests && f.name === 'jupyterhub_request_duration_seconds') continue;
    for (const s of f.samples) {
      const suffix = s.name.endsWith('_bucket')
        ? `.${leSegment(s.labels.find(([k]) => k === 'le')?.[1] ?? '')}`
        : s.name.endsWith('_count')
          ? '.count'
          : s.name.endsWith('_sum')
            ? '.sum'
            : '';
      const key: PromKey = `${promKey(f.name, s.labels, KEPT_LABELS[f.name])}${suffix}`;
      out.set(key, (out.get(key) ?? 0) + s.value);
    }
  }
  return out;
}

describe('Prometheus text parser on the captured /hub/metrics', () => {
  it('reads every sample line of every snapshot', () => {
    for (const text of SNAPSHOTS) {
      const samples = [...parsePromText(text).values()].reduce((n, f) => n + f.samples.length, 0);
      const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).length;
      assert.equal(samples, lines);
    }
  });

  it('groups histogram samples under their family with sorted labels', () => {
    const fams = parsePromText(SNAPSHOTS[4] ?? '');
    const spawn = fams.get('jupyterhub_server_spawn_duration_seconds');
    assert.equal(spawn?.type, 'histogram');
    const success = spawn?.samples.find((s) => s.name.endsWith('_count') && s.labels.some(([k, v]) => k === 'status' && v === 'success'));
    assert.equal(success?.value, 7);
    const bucket = spawn?.samples.find((s) => s.name.endsWith('_bucket'));
    assert.deepEqual(
      bucket?.labels.map(([k]) => k),
      ['le', 'status'],
    );
    assert.equal(fams.get('jupyterhub_request_duration_seconds_created')?.type, 'gauge');
  });
});

describe('PromDeltaTracker', () => {
  it('sums of deltas over the run equal final minus initial, never negative', () => {
    for (const logCountsRequests of [false, true]) {
      const tracker = new PromDeltaTracker();
      const out = new StrictEmitter();
      for (const text of SNAPSHOTS) tracker.apply(parsePromText(text), out, { logCountsRequests });
      const first = keyed(parsePromText(SNAPSHOTS[0] ?? ''), logCountsRequests);
      const last = keyed(parsePromText(SNAPSHOTS[SNAPSHOTS.length - 1] ?? ''), logCountsRequests);
      for (const [key, end] of last) {
        const expected = Math.round((end - (first.get(key) ?? 0)) * 1e6) / 1e6;
        const got = out.counter(key);
        assert.ok(Math.abs(got - expected) < 1e-5, `${key}: ${got} != ${expected}`);
      }
      const promKeys = [...out.counters.keys()].filter((k): k is PromKey => k.startsWith('prom.'));
      for (const k of promKeys) assert.ok(last.has(k), `unexpected key ${k}`);
      assert.ok(out.counter('prom.jupyterhub_server_spawn_duration_seconds.success.count') === 7);
    }
  });

  it('derives requests.status.* only when the log source is off (never counted twice)', () => {
    const withLog = new MemoryEmitter();
    const withoutLog = new MemoryEmitter();
    const a = new PromDeltaTracker();
    const b = new PromDeltaTracker();
    for (const text of SNAPSHOTS) {
      a.apply(parsePromText(text), withLog, { logCountsRequests: true });
      b.apply(parsePromText(text), withoutLog, { logCountsRequests: false });
    }
    const requestKeys = (m: MemoryEmitter) =>
      [...m.counters.keys()].filter((k) => k.startsWith('requests.') || k.includes('request_duration'));
    assert.deepEqual(requestKeys(withLog), []);
    // The hub counted its requests between snapshot 1 and 6; the metrics source reports exactly those.
    const counts = (text: string) =>
      [...text.matchAll(/^jupyterhub_request_duration_seconds_count\{code="(\d+)"[^}]*\} (\S+)/gm)].reduce(
        (m, r) => m.set(Number(r[1]), (m.get(Number(r[1])) ?? 0) + Number(r[2])),
        new Map<number, number>(),
      );
    const c0 = counts(SNAPSHOTS[0] ?? '');
    const c5 = counts(SNAPSHOTS[5] ?? '');
    for (const [code, n] of c5) assert.equal(withoutLog.counter(`requests.status.${code}`), n - (c0.get(code) ?? 0), `code ${code}`);
  });

  it('treats counters going back as a hub restart: the new value counts, nothing negative', () => {
    const tracker = new PromDeltaTracker();
    const out = new StrictEmitter();
    const final = parsePromText(SNAPSHOTS[4] ?? '');
    const startup = parsePromText(SNAPSHOTS[0] ?? '');
    tracker.apply(final, out, { logCountsRequests: false });
    const result = tracker.apply(startup, out, { logCountsRequests: false });
    assert.equal(result.reset, true);
    // Every series lower than before restarts from its new value.
    const before = new Map<string, number>();
    for (const f of final.values()) for (const s of f.samples) before.set(sampleId(s), s.value);
    const gc = startup.get('python_gc_collections_total')?.samples.find((s) => s.labels[0]?.[1] === '0');
    assert.ok(gc && gc.value < (before.get(sampleId(gc)) ?? 0));
    assert.equal(out.counter('prom.python_gc_collections_total.0'), gc.value);
  });

  it('a new process_start_time_seconds resets every series', () => {
    const tracker = new PromDeltaTracker();
    const out = new StrictEmitter();
    const text = SNAPSHOTS[4] ?? '';
    tracker.apply(parsePromText(text), out, { logCountsRequests: true });
    const restarted = text.replace(/^process_start_time_seconds .*$/m, 'process_start_time_seconds 1.7956099e+09');
    const result = tracker.apply(parsePromText(restarted), out, { logCountsRequests: true });
    assert.equal(result.reset, true);
    assert.equal(out.counter('prom.jupyterhub_server_spawn_duration_seconds.success.count'), 7);
  });

  it('forwards gauges as gauges, except drifting and constant ones', () => {
    const out = new MemoryEmitter();
    new PromDeltaTracker().apply(parsePromText(SNAPSHOTS[4] ?? ''), out, { logCountsRequests: true });
    assert.equal(out.gauges.get('prom.jupyterhub_total_users'), 12);
    assert.equal(out.gauges.has('prom.jupyterhub_running_servers'), false);
    assert.equal(
      [...out.gauges.keys()].some((k) => k.includes('_created') || k.includes('python_info')),
      false,
    );
    assert.equal(out.counters.size, 0, 'the first scrape is a baseline');
  });
});

describe('prom key naming', () => {
  it('builds safe Graphite keys', () => {
    assert.equal(leSegment('2.5'), 'le_2_5');
    assert.equal(leSegment('10.0'), 'le_10');
    assert.equal(leSegment('+Inf'), 'le_inf');
    assert.equal(safeSegment('ServerPollStatus.running'), 'ServerPollStatus_running');
    assert.equal(safeSegment(''), '_');
    const out = new MemoryEmitter();
    const t = new PromDeltaTracker();
    for (const text of SNAPSHOTS) t.apply(parsePromText(text), out, { logCountsRequests: false });
    for (const k of [...out.counters.keys(), ...out.gauges.keys()]) assert.match(k, /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/);
    assert.ok(out.counters.has('prom.jupyterhub_server_poll_duration_seconds.ServerPollStatus_running.le_inf'));
    assert.ok(out.counters.has('prom.jupyterhub_request_duration_seconds.200.le_0_005'));
  });
});
