import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOverlayOption, minutesFrom } from './overlay-option';
import { LIGHT_PALETTE } from './palette';

test('points are placed in minutes from their own reference time; gaps stay gaps', () => {
  assert.deepEqual(
    minutesFrom(
      [
        [1, 940],
        [null, 1000],
        [3, 1060],
      ],
      1000,
    ),
    [
      [-1, 1],
      [0, null],
      [1, 3],
    ],
  );
});

test('this week and last week share one axis, aligned on the deployment; last week is dashed', () => {
  const when = 1_800_000_000;
  const week = 7 * 86_400;
  const option = buildOverlayOption({
    current: [
      [2, when - 600],
      [9, when + 600],
    ],
    lastWeek: [
      [2, when - week - 600],
      [2, when - week + 600],
    ],
    when,
    lastWeekWhen: when - week,
    windowSeconds: 3600,
    unit: 'ms',
    palette: LIGHT_PALETTE,
  });
  const series = option.series as Array<{ id: string; data: Array<[number, number | null]>; lineStyle: { type?: string } }>;
  assert.deepEqual(
    series.map((s) => s.data),
    [
      [
        [-10, 2],
        [10, 9],
      ],
      [
        [-10, 2],
        [10, 2],
      ],
    ],
  );
  assert.equal(series[1]?.lineStyle.type, 'dashed');
  assert.deepEqual([(option.xAxis as { min: number }).min, (option.xAxis as { max: number }).max], [-60, 60]);
});
