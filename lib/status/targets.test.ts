import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { counterPath } from '@/lib/catalog';
import { countRange } from './range-counts';
import { countTargets, summedTargets } from './targets';

describe('status counts summed by graphite-web', () => {
  test('every count target is summed into one bucket aligned to the range start, as long as the range', () => {
    const summed = summedTargets(countTargets('h'), 3601);
    assert.equal(summed.length, countTargets('h').length);
    assert.equal(summed[0], `summarize(${countTargets('h')[0]},"3601s","sum",true)`);
    assert.ok(summed.every((target) => target.endsWith(',"3601s","sum",true)')));
  });

  test("a summed series is counted by its tags' name (graphite-web keeps it), its one point inside the range", () => {
    const name = counterPath('h', 'spawns.success');
    const series = [
      // graphite-web 1.1.8's answer for the summed target (captured shape): the bucket at `from`, and an empty one at the end.
      {
        target: `summarize(${name}, "3601s", "sum", true)`,
        tags: { name, summarize: '3601s', summarizeFunction: 'sum' },
        datapoints: [
          [42, 1000],
          [null, 4601],
        ] as [number | null, number][],
      },
    ];
    const counts = countRange(series, 'h', 1000, 4600);
    assert.equal(counts.counters['spawns.success'], 42);
    assert.equal(countRange(series, 'h', 1001, 4600).counters['spawns.success'], 0, 'a bucket before from is not counted');
  });
});
