import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seriesToJson } from './series-json';
import type { Series } from './types';

test('seriesToJson writes what JSON.parse reads back, keeping ±Infinity as ±1e9999', () => {
  const series: Series[] = [
    {
      target: 'scale(a."b",inf)',
      tags: { name: 'a', scale: 'inf' },
      datapoints: [
        [Number.POSITIVE_INFINITY, 10],
        [Number.NEGATIVE_INFINITY, 20],
        [null, 30],
        [1.5, 40],
        [Number.NaN, 50],
      ],
    },
  ];
  const text = seriesToJson(series);
  assert.match(text, /\[1e9999,10\],\[-1e9999,20\]/);
  const back: unknown = JSON.parse(text);
  assert.deepEqual(back, [{ ...series[0], datapoints: [[Infinity, 10], [-Infinity, 20], [null, 30], [1.5, 40], [null, 50]] }]);
  assert.equal(seriesToJson([]), '[]');
});
