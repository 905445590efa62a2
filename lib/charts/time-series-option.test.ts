import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '@/lib/shared/series';
import { DARK_PALETTE, LIGHT_PALETTE } from './palette';
import { buildTimeSeriesOption } from './time-series-option';
import { tooltipHtml } from './tooltip';

const series: Series[] = [
  {
    target: 'a.b',
    tags: {},
    datapoints: [
      [1, 100],
      [null, 110],
      [3, 120],
    ],
  },
  {
    target: '<img src=x onerror=alert(1)>',
    tags: {},
    datapoints: [
      [2, 100],
      [2, 110],
      [2, 120],
    ],
  },
];
const base = { series, unit: 'count' as const, palette: LIGHT_PALETTE, range: { from: 90, until: 130 } };

function lineSeries(option: ReturnType<typeof buildTimeSeriesOption>) {
  const s = option.series;
  assert.ok(Array.isArray(s));
  return s;
}

test('points become [ms, value] with nulls kept as gaps', () => {
  const [first] = lineSeries(buildTimeSeriesOption({ ...base, kind: 'line' }));
  assert.deepEqual(first?.data, [
    [100_000, 1],
    [110_000, null],
    [120_000, 3],
  ]);
  assert.equal((first as { connectNulls?: boolean }).connectNulls, false);
});

test('the x axis spans the requested range even where no data exists', () => {
  const option = buildTimeSeriesOption({ ...base, kind: 'line' });
  const x = option.xAxis as { min: number; max: number };
  assert.equal(x.min, 90_000);
  assert.equal(x.max, 130_000);
});

test('caller names replace targets; stacked areas share a stack', () => {
  const s = lineSeries(buildTimeSeriesOption({ ...base, kind: 'stacked-area', names: ['2xx', '5xx'] }));
  assert.deepEqual(
    s.map((x) => x.name),
    ['2xx', '5xx'],
  );
  assert.deepEqual(
    s.map((x) => (x as { stack?: string }).stack),
    ['total', 'total'],
  );
});

test('bar kind yields bar series; palettes differ between light and dark', () => {
  const light = lineSeries(buildTimeSeriesOption({ ...base, kind: 'bar' }));
  const dark = lineSeries(buildTimeSeriesOption({ ...base, kind: 'bar', palette: DARK_PALETTE }));
  assert.equal(light[0]?.type, 'bar');
  assert.notDeepEqual(light[0]?.itemStyle, dark[0]?.itemStyle);
});

test('stale data is drawn dimmed', () => {
  const fresh = lineSeries(buildTimeSeriesOption({ ...base, kind: 'line' }));
  const stale = lineSeries(buildTimeSeriesOption({ ...base, kind: 'line', stale: true }));
  const opacity = (x: unknown) => (x as { lineStyle: { opacity: number } }).lineStyle.opacity;
  assert.ok(opacity(stale[0]) < opacity(fresh[0]));
});

test('the tooltip formatter escapes series names from Graphite', () => {
  const option = buildTimeSeriesOption({ ...base, kind: 'line', timeZone: 'UTC' });
  const tooltip = option.tooltip as { formatter: (p: unknown) => string };
  const html = tooltip.formatter([{ seriesName: '<img src=x onerror=alert(1)>', color: '#000', value: [100_000, 2] }]);
  assert.ok(!html.includes('<img'), html);
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
});

test('tooltip: header time in the given zone, values formatted with the unit, a hostile colour escaped', () => {
  const html = tooltipHtml([{ seriesName: 'p95', color: '"><script>', value: [1_800_000_000_000, 1500] }], 'ms', 'UTC');
  assert.match(html, /15 Jan 2027, 08:00/);
  assert.match(html, /p95: <b>1\.5 s<\/b>/);
  assert.ok(!html.includes('<script>'));
});

test('a dozen series get distinct colours in both schemes', () => {
  for (const palette of [LIGHT_PALETTE, DARK_PALETTE]) {
    assert.equal(new Set(palette.series.slice(0, 12)).size, 12);
  }
});
