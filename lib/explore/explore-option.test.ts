import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LIGHT_PALETTE } from '@/lib/charts/palette';
import { buildExploreOption, type ExploreOptionInput } from './explore-option';

const input = (overrides: Partial<ExploreOptionInput> = {}): ExploreOptionInput => ({
  series: [
    {
      target: 'a',
      tags: {},
      datapoints: [
        [1, 100],
        [null, 110],
        [3, 120],
      ],
    },
    {
      target: 'b',
      tags: {},
      datapoints: [
        [1000, 100],
        [2000, 110],
        [null, 120],
      ],
    },
  ],
  names: ['a', 'b'],
  axes: ['left', 'right'],
  unit: 'count',
  rightUnit: 'bytes',
  kind: 'line',
  nulls: 'gap',
  palette: LIGHT_PALETTE,
  range: { from: 100, until: 130 },
  ...overrides,
});

type Drawn = { yAxisIndex?: number; connectNulls?: boolean; stack?: string; data?: Array<[number, number | null]> };
const seriesOf = (option: ReturnType<typeof buildExploreOption>) => (option.series as Drawn[]) ?? [];

describe('explore chart option', () => {
  test('a right axis appears when a line is on it, with its own unit', () => {
    const option = buildExploreOption(input());
    assert.ok(Array.isArray(option.yAxis));
    const axes = option.yAxis as Array<{ position: string; axisLabel: { formatter: (v: number) => string } }>;
    assert.deepEqual(
      axes.map((a) => a.position),
      ['left', 'right'],
    );
    assert.equal(axes[1]?.axisLabel.formatter(2048), '2 KiB');
    assert.deepEqual(
      seriesOf(option).map((s) => s.yAxisIndex),
      [0, 1],
    );
  });

  test('no right axis when every line is on the left', () => {
    const option = buildExploreOption(input({ axes: ['left', 'left'] }));
    assert.ok(!Array.isArray(option.yAxis));
  });

  test('nulls: gap keeps them, zero fills them, connected joins across them', () => {
    assert.deepEqual(seriesOf(buildExploreOption(input()))[0]?.data?.[1], [110_000, null]);
    assert.deepEqual(seriesOf(buildExploreOption(input({ nulls: 'zero' })))[0]?.data?.[1], [110_000, 0]);
    assert.equal(seriesOf(buildExploreOption(input({ nulls: 'connected' })))[0]?.connectNulls, true);
    assert.equal(seriesOf(buildExploreOption(input()))[0]?.connectNulls, false);
  });

  test('stacked: each axis stacks on its own', () => {
    assert.deepEqual(
      seriesOf(buildExploreOption(input({ kind: 'stacked-area' }))).map((s) => s.stack),
      ['left', 'right'],
    );
  });

  test('the tooltip gives each value in the unit of its axis', () => {
    const tooltip = buildExploreOption(input()).tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([
      { seriesIndex: 0, seriesName: 'a', value: [100_000, 5] },
      { seriesIndex: 1, seriesName: 'b', value: [100_000, 1536] },
    ]);
    assert.match(html, /a: <b>5<\/b>/);
    assert.match(html, /b: <b>1\.5 KiB<\/b>/);
  });
});
