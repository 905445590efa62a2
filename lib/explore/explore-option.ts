import type { YAXisComponentOption } from 'echarts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { formatValue, type ValueUnit } from '@/lib/charts/format';
import type { ChartPalette } from '@/lib/charts/palette';
import { buildTimeSeriesOption, type ChartKind, type TimeSeriesOption } from '@/lib/charts/time-series-option';
import { type TooltipItem, tooltipHtml } from '@/lib/charts/tooltip';
import type { Series } from '@/lib/shared/series';
import type { Axis, NullMode } from './explore-state';

type YAXisOption = YAXisComponentOption;

/**
 * The explore chart's ECharts option: the shared builder's (axes, tooltip escaping, palette),
 * plus what only explore offers: a right axis with its own unit, and nulls drawn as gaps, as zero
 * or connected. Pure, tested as data.
 */

export interface ExploreOptionInput {
  series: readonly Series[];
  names: readonly string[];
  /** Axis of each series, same order. */
  axes: readonly Axis[];
  unit: ValueUnit;
  rightUnit: ValueUnit;
  kind: ChartKind;
  nulls: NullMode;
  palette: ChartPalette;
  range: { from: number; until: number };
  stale?: boolean;
  timeZone?: string;
}

/** Nulls as zero: a counter that did not report counted nothing. */
function zeroFilled(series: Series): Series {
  return { ...series, datapoints: series.datapoints.map(([v, at]) => [v === null ? 0 : v, at]) };
}

export function buildExploreOption(input: ExploreOptionInput): TimeSeriesOption {
  const series = input.nulls === 'zero' ? input.series.map(zeroFilled) : input.series;
  const base = buildTimeSeriesOption({
    series,
    names: input.names,
    unit: input.unit,
    kind: input.kind,
    palette: input.palette,
    range: input.range,
    stale: input.stale,
    timeZone: input.timeZone,
  });
  const hasRight = input.axes.some((a) => a === 'right');
  const drawn = (Array.isArray(base.series) ? base.series : []).map((s, i): LineSeriesOption | BarSeriesOption => {
    const yAxisIndex = input.axes[i] === 'right' && hasRight ? 1 : 0;
    if (s.type !== 'line') return { ...s, type: 'bar', yAxisIndex };
    return {
      ...s,
      yAxisIndex,
      connectNulls: input.nulls === 'connected',
      // Stacking across two axes would add unlike units: each axis stacks on its own.
      ...(input.kind === 'stacked-area' ? { stack: yAxisIndex === 1 ? 'right' : 'left' } : {}),
    };
  });
  const axis = (unit: ValueUnit, position: 'left' | 'right'): YAXisOption => ({
    type: 'value',
    position,
    min: 0,
    ...(unit === 'bool' ? { max: 1, interval: 1 } : {}),
    axisLabel: { color: input.palette.muted, formatter: (v: number) => formatValue(v, unit) },
    splitLine: position === 'left' ? { lineStyle: { color: input.palette.gridLine } } : { show: false },
  });
  const yAxis = hasRight ? [axis(input.unit, 'left'), axis(input.rightUnit, 'right')] : axis(input.unit, 'left');
  const tooltip = Array.isArray(base.tooltip) ? base.tooltip[0] : base.tooltip;
  return {
    ...base,
    yAxis,
    series: drawn,
    tooltip: hasRight
      ? {
          ...tooltip,
          // Each value in its own axis' unit; names are escaped by tooltipHtml.
          formatter: (params: unknown) => {
            const items = (Array.isArray(params) ? params : [params]) as Array<TooltipItem & { seriesIndex?: number }>;
            const left = items.filter((item) => input.axes[item.seriesIndex ?? 0] !== 'right');
            const right = items.filter((item) => input.axes[item.seriesIndex ?? 0] === 'right');
            if (left.length === 0) return tooltipHtml(right, input.rightUnit, input.timeZone);
            // tooltipHtml starts with the time; the right axis' rows follow without it.
            const rightRows = right.length > 0 ? tooltipHtml(right, input.rightUnit, input.timeZone).replace(/^<div>.*?<\/div>/, '') : '';
            return tooltipHtml(left, input.unit, input.timeZone) + rightRows;
          },
        }
      : tooltip,
  };
}
