import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { METRICS_LAYOUT } from '../../lib/catalog';
import { counterFields, PERCENT_THRESHOLDS, timerFields } from './flush-bucket';
import { createRandom } from './test-random';

// The live path's arithmetic is StatsD's own: its process_metrics (the npm package the stack runs)
// flushes the same values with the stack's settings, and every field must be the same number.

type Metrics = Record<string, unknown> & { counter_rates?: Record<string, number>; timer_data?: Record<string, Record<string, unknown>> };
const require = createRequire(import.meta.url);
const { process_metrics } = require('statsd/lib/process_metrics') as {
  process_metrics: (metrics: Metrics, calculated: string[], flushMs: number, ts: number, done: (m: Metrics) => void) => void;
};

const FLUSH_MS = METRICS_LAYOUT.flushIntervalSeconds * 1000;
const HISTOGRAM = METRICS_LAYOUT.histograms.map((rule) => ({
  metric: rule.metric,
  bins: rule.bins.map((b) => (b === Infinity ? 'inf' : b)),
}));

function statsd(counters: Record<string, number>, timers: Record<string, number[]>): Metrics {
  let out: Metrics = {};
  const metrics: Metrics = {
    counters,
    gauges: {},
    sets: {},
    timers,
    timer_counters: Object.fromEntries(Object.entries(timers).map(([k, v]) => [k, v.length])),
    pctThreshold: [...PERCENT_THRESHOLDS],
    histogram: HISTOGRAM,
  };
  process_metrics(metrics, [], FLUSH_MS, 0, (m) => {
    out = m;
  });
  return out;
}

/** StatsD's nested timer data as the Graphite backend names it (`histogram.bin_x`). */
function flat(data: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'number') out.set(k, v);
    else for (const [bin, n] of Object.entries(v as Record<string, number>)) out.set(`${k}.${bin}`, n);
  }
  return out;
}

describe("a flush bucket equals StatsD's", () => {
  const random = createRandom(18);
  const cases: Array<{ key: string; values: number[] }> = [
    { key: 'jupyterhub.h.spawns.duration', values: [2959] },
    { key: 'jupyterhub.h.spawns.duration', values: [1000, 999, 2000, 300000, 300001, 7500] },
    { key: 'jupyterhub.h.requests.duration', values: [0.5, 1.23, 5, 5, 250, 12000.4] },
  ];
  for (let i = 0; i < 40; i++) {
    const n = random.int(1, 60);
    const key = random.chance(0.5) ? 'jupyterhub.h.spawns.duration' : 'jupyterhub.h.requests.duration';
    cases.push({ key, values: Array.from({ length: n }, () => Math.round(random.next() * 40000) / (random.chance(0.5) ? 1 : 100)) });
  }
  for (const [i, c] of cases.entries()) {
    it(`timer case ${i}: ${c.values.length} values of ${c.key}`, () => {
      const theirs = statsd({}, { [c.key]: [...c.values] }).timer_data?.[c.key];
      assert.ok(theirs);
      assert.deepEqual(timerFields(c.key, c.values, FLUSH_MS / 1000), flat(theirs));
    });
  }

  it('a counter: count and rate', () => {
    const theirs = statsd({ 'jupyterhub.h.spawns.success': 7 }, {});
    assert.deepEqual(
      counterFields(7, FLUSH_MS / 1000),
      new Map([
        ['count', 7],
        ['rate', theirs.counter_rates?.['jupyterhub.h.spawns.success']],
      ]),
    );
  });
});
