import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HISTOGRAM_BINS } from '@/lib/catalog';
import { histogramBounds, histogramQuantile, histogramTotal, sumHistogram } from '@/lib/stats/histogram-quantile';

const base = 'stats.timers.jupyterhub.dev.spawns.duration.histogram';
const bounds = HISTOGRAM_BINS['spawns.duration'];

test('interpolates inside the bin that holds the rank', () => {
  // 10 values in [0,1000), 10 in [1000,2000): the median is the boundary, p95 sits 90% into bin 2.
  const bins = [
    { upperBound: 1000, count: 10 },
    { upperBound: 2000, count: 10 },
  ];
  assert.equal(histogramQuantile(bins, 0.5), 1000);
  assert.equal(histogramQuantile(bins, 0.95), 1900);
  assert.equal(histogramQuantile(bins, 0.25), 500);
});

test('skips empty bins and starts each bin at the previous bound', () => {
  const bins = [
    { upperBound: 1000, count: 0 },
    { upperBound: 2000, count: 0 },
    { upperBound: 3000, count: 4 },
  ];
  assert.equal(histogramQuantile(bins, 0.5), 2500);
  assert.equal(histogramQuantile(bins, 0), 2000);
  assert.equal(histogramQuantile(bins, 1), 3000);
});

test('a quantile in the inf bin reports its lower bound, never Infinity', () => {
  const bins = [
    { upperBound: 300000, count: 1 },
    { upperBound: Infinity, count: 9 },
  ];
  assert.equal(histogramQuantile(bins, 0.95), 300000);
});

test('empty histogram has no quantile; bad q is refused', () => {
  assert.equal(histogramQuantile([{ upperBound: 1000, count: 0 }], 0.5), null);
  assert.throws(() => histogramQuantile([], 1.5), /between 0 and 1/);
});

test('sums each bin over the window, not averages of per-flush quantiles', () => {
  // Flush 1: 9 fast starts (<1 s). Flush 2: 1 slow start (in [10 s, 15 s)).
  // Averaging per-flush medians would give (500 + 12500) / 2 = 6500 ms; the true median is < 1 s.
  const series = [
    {
      target: `${base}.bin_1000`,
      datapoints: [
        [9, 100],
        [0, 110],
      ] as const,
    },
    {
      target: `${base}.bin_15000`,
      datapoints: [
        [0, 100],
        [1, 110],
      ] as const,
    },
    {
      target: `${base}.bin_inf`,
      datapoints: [
        [null, 100],
        [null, 110],
      ] as const,
    },
  ];
  const bins = sumHistogram(series, bounds, 100, 120);
  assert.equal(histogramTotal(bins), 10);
  assert.equal(bins.length, bounds.length);
  const p50 = histogramQuantile(bins, 0.5);
  assert.ok(p50 !== null && p50 < 1000, `median ${p50} should be under 1 s`);
  assert.equal(histogramQuantile(bins, 0.95), 10000 + 5000 * 0.5);
});

test('buckets outside [from, until) are not counted', () => {
  const series = [
    {
      target: `${base}.bin_2000`,
      datapoints: [
        [5, 90],
        [1, 100],
        [2, 110],
        [7, 120],
      ] as const,
    },
  ];
  const bins = sumHistogram(series, bounds, 100, 120);
  assert.equal(histogramTotal(bins), 3);
});

test('reads the bin from tags.name when the target was aliased', () => {
  const series = [{ target: 'wait', tags: { name: `${base}.bin_5000` }, datapoints: [[2, 100]] as const }];
  const bins = sumHistogram(series, bounds, 0, 200);
  assert.deepEqual(
    bins.find((b) => b.upperBound === 5000),
    { upperBound: 5000, count: 2 },
  );
});

test('bins Graphite answered come first; configured ones only complete them when they agree', () => {
  const configured = [1000, 2000, 3000, Infinity];
  // Agrees: the bin that never received a value (2000) is kept with count 0.
  assert.deepEqual(histogramBounds([1000, 3000, Infinity], configured), configured);
  // Nothing answered yet: the configured bins stand.
  assert.deepEqual(histogramBounds([], configured), configured);
  // Another StatsD's bins (1500 is unknown here): the configured ones would split its bins.
  assert.deepEqual(histogramBounds([1500, 4000, Infinity], configured), [1500, 4000, Infinity]);
});

test('sumHistogram on bins the configuration does not know interpolates in the real bins', () => {
  const other = `${base}.bin_`;
  const bins = sumHistogram(
    [
      { target: `${other}500`, datapoints: [[0, 10]] },
      { target: `${other}4000`, datapoints: [[10, 10]] },
      { target: `${other}inf`, datapoints: [[0, 10]] },
    ],
    bounds,
    0,
    20,
  );
  assert.deepEqual(
    bins.map((b) => b.upperBound),
    [500, 4000, Infinity],
  );
  assert.equal(histogramQuantile(bins, 0.5), 2250);
});
