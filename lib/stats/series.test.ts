import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeVsPrevious } from '@/lib/stats/change';
import { lastValue, recentValue, sumAll, sumPoints, withinRange } from '@/lib/stats/series';

test('sums counts exactly, ignoring nulls', () => {
  assert.equal(
    sumPoints([
      [1, 0],
      [null, 10],
      [2, 20],
      [0.5, 30],
    ]),
    3.5,
  );
  assert.equal(
    sumAll([
      { target: 'a', datapoints: [[1, 0]] },
      {
        target: 'b',
        datapoints: [
          [4, 0],
          [null, 10],
        ],
      },
    ]),
    5,
  );
});

test('adjacent ranges share no bucket', () => {
  const points = [
    [1, 90],
    [2, 100],
    [3, 110],
    [4, 120],
  ] as const;
  const previous = sumPoints(withinRange(points, 90, 110));
  const current = sumPoints(withinRange(points, 110, 130));
  assert.equal(previous, 3);
  assert.equal(current, 7);
  assert.equal(previous + current, sumPoints(points));
});

test('last value skips trailing nulls', () => {
  assert.deepEqual(
    lastValue([
      [1, 0],
      [0, 10],
      [null, 20],
    ]),
    { value: 0, at: 10 },
  );
  assert.equal(lastValue([[null, 0]]), null);
});

test('change vs previous range', () => {
  assert.deepEqual(changeVsPrevious(6, 4), { current: 6, previous: 4, delta: 2, percent: 50 });
  assert.equal(changeVsPrevious(3, 0).percent, null);
});

test('recentValue: the last value only while it is recent enough', () => {
  const points: [number | null, number][] = [
    [5, 100],
    [null, 160],
    [null, 220],
  ];
  assert.deepEqual(recentValue(points, 220, 120), { value: 5, at: 100 });
  assert.equal(recentValue(points, 221, 120), null);
  assert.equal(recentValue([[null, 0]], 0, 60), null);
});
