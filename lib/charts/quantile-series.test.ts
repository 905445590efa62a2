import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLeBound } from '@/lib/catalog';
import type { Series } from '@/lib/shared/series';
import { bucketInterval } from './bucket-interval';
import { quantileSeries } from './quantile-series';

const s = (name: string, datapoints: Series['datapoints']): Series => ({
  target: `summarize(${name}, "5min", "sum")`,
  tags: { name, summarize: '5min', summarizeFunction: 'sum' },
  datapoints,
});

test('StatsD bins: per-timestamp quantiles interpolate inside the bin, gaps where nothing happened', () => {
  const p = 'stats.timers.jupyterhub.h.spawns.duration.histogram';
  const out = quantileSeries(
    [
      s(`${p}.bin_1000`, [
        [0, 0],
        [0, 300],
      ]),
      s(`${p}.bin_2000`, [
        [10, 0],
        [0, 300],
      ]),
      s(`${p}.bin_inf`, [
        [0, 0],
        [null, 300],
      ]),
    ],
    { layout: 'statsd-bins', quantiles: [0.5, 0.95] },
  );
  assert.deepEqual(
    out.map((x) => x.target),
    ['p50', 'p95'],
  );
  // 10 samples all in [1000, 2000): p50 at rank 5 -> 1500, p95 at rank 9.5 -> 1950.
  assert.deepEqual(out[0]?.datapoints, [
    [1500, 0],
    [null, 300],
  ]);
  assert.deepEqual(out[1]?.datapoints, [
    [1950, 0],
    [null, 300],
  ]);
});

test('prom le buckets are cumulative: differences become bins; seconds scale to ms', () => {
  const p = 'stats.counters.jupyterhub.h.prom.jupyterhub_proxy_poll_duration_seconds';
  const out = quantileSeries([s(`${p}.le_0_1.count`, [[4, 60]]), s(`${p}.le_0_5.count`, [[8, 60]]), s(`${p}.le_inf.count`, [[8, 60]])], {
    layout: 'prom-le',
    quantiles: [0.5, 0.75],
    scale: 1000,
  });
  // bins: [0,0.1):4, [0.1,0.5):4. p50 = rank 4 -> 0.1 s; p75 = rank 6 -> 0.1 + 0.4 * 2/4 = 0.3 s.
  assert.equal(out[0]?.datapoints[0]?.[0], 100);
  assert.ok(Math.abs((out[1]?.datapoints[0]?.[0] ?? 0) - 300) < 1e-9);
});

test('le bound parsing', () => {
  assert.equal(parseLeBound('a.prom.x.le_2_5.count'), 2.5);
  assert.equal(parseLeBound('a.prom.x.le_inf.count'), Infinity);
  assert.equal(parseLeBound('a.prom.x.le_10.count'), 10);
  assert.equal(parseLeBound('a.prom.x.count.count'), null);
});

test('bucket interval grows with the range and is at least a minute', () => {
  assert.deepEqual(bucketInterval(900), { seconds: 60, graphite: '1min' });
  assert.deepEqual(bucketInterval(6 * 3600), { seconds: 600, graphite: '10min' });
  assert.deepEqual(bucketInterval(90 * 86_400), { seconds: 86_400, graphite: '1d' });
});
