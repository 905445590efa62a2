import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '@/lib/shared/series';
import { detectConsolidation, lastDataAt, legendStats } from './legend-stats';

const series = (target: string, datapoints: Series['datapoints']): Series => ({ target, tags: { name: target }, datapoints });

test('min/max/avg/last skip nulls instead of counting them as zero', () => {
  const stats = legendStats([
    [null, 100],
    [4, 110],
    [null, 120],
    [-2, 130],
    [10, 140],
    [null, 150],
  ]);
  assert.deepEqual(stats, { min: -2, max: 10, avg: 4, last: 10, lastAt: 140, points: 3 });
});

test('an all-null series has no stats', () => {
  assert.deepEqual(
    legendStats([
      [null, 1],
      [null, 11],
    ]),
    { min: null, max: null, avg: null, last: null, lastAt: null, points: 0 },
  );
});

test('infinite values (Graphite 1e9999) do not poison the average', () => {
  assert.equal(
    legendStats([
      [Infinity, 1],
      [2, 11],
      [4, 21],
    ]).avg,
    3,
  );
});

test('a step wider than the archive step is reported as consolidation', () => {
  const now = 1_800_000_000;
  const from = now - 3600; // within a day: native 10 s
  const wide = series('a', [
    [1, from],
    [2, from + 60],
    [3, from + 120],
  ]);
  assert.deepEqual(detectConsolidation([wide], from, now), { factor: 6, stepSeconds: 60, nativeStepSeconds: 10 });
  const raw = series('b', [
    [1, from],
    [2, from + 10],
  ]);
  assert.equal(detectConsolidation([raw], from, now), null);
});

test('60 s points are native (not consolidated) for a range starting 3 days ago', () => {
  const now = 1_800_000_000;
  const from = now - 3 * 86_400;
  assert.equal(
    detectConsolidation(
      [
        series('a', [
          [1, from],
          [1, from + 60],
        ]),
      ],
      from,
      now,
    ),
    null,
  );
});

test('lastDataAt is the latest non-null point across series', () => {
  const a = series('a', [
    [1, 10],
    [null, 20],
  ]);
  const b = series('b', [
    [null, 10],
    [5, 20],
    [null, 30],
  ]);
  assert.equal(lastDataAt([a, b]), 20);
  assert.equal(lastDataAt([series('c', [[null, 10]])]), null);
});
