import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Series } from '@/lib/shared/series';
import { type DeploymentMark, deploymentMarkSeries, marksNear, marksTooltipHtml } from './deployment-marks';
import { formatClock, formatValue, type ValueUnit } from './format';
import { axisTooltipFrame, type ChartPalette, seriesColor } from './palette';
import { type TooltipItem, tooltipHtml } from './tooltip';

export type TimeSeriesOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export type ChartKind = 'line' | 'area' | 'stacked-area' | 'bar';

export interface TimeSeriesOptionInput {
  series: readonly Series[];
  /** Display name per series, in the same order; defaults to the Graphite target. */
  names?: readonly string[];
  unit: ValueUnit;
  kind: ChartKind;
  palette: ChartPalette;
  /** The requested range in epoch seconds, so the axis spans it even where data is missing. */
  range: { from: number; until: number };
  /** Draw dimmed: the data is the last we had before Graphite failed. */
  stale?: boolean;
  /** Deployments and restarts to mark with a vertical line (and name in the tooltip). */
  deployments?: readonly DeploymentMark[];
  timeZone?: string;
}

/** Display name of series i: the caller's name or Graphite's target (escaped later, on output). */
export function seriesName(input: Pick<TimeSeriesOptionInput, 'series' | 'names'>, index: number): string {
  return input.names?.[index] ?? input.series[index]?.target ?? '';
}

function toPoints(series: Series): Array<[number, number | null]> {
  return series.datapoints.map(([value, at]) => [at * 1000, value !== null && Number.isFinite(value) ? value : null]);
}

function yBounds(unit: ValueUnit): { min?: number; max?: number; interval?: number } {
  if (unit === 'bool') return { min: 0, max: 1, interval: 1 };
  if (unit === 'percent') return { min: 0 };
  return { min: 0 };
}

function hoveredMs(items: readonly TooltipItem[]): number | null {
  const value = items[0]?.value;
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
}

/**
 * Pure ECharts option for a time-series panel: no DOM, no fetch, so it is unit-tested as data.
 * The legend is drawn by React next to the canvas (it carries min/max/avg/last), so the option
 * has no legend component.
 */
export function buildTimeSeriesOption(input: TimeSeriesOptionInput): TimeSeriesOption {
  const { palette, unit, kind, stale = false, timeZone } = input;
  const opacity = stale ? 0.45 : 1;
  const stacked = kind === 'stacked-area';
  const series: Array<LineSeriesOption | BarSeriesOption> = input.series.map((s, i) => {
    const color = seriesColor(palette, i);
    const name = seriesName(input, i);
    if (kind === 'bar') {
      return {
        type: 'bar',
        id: `s${i}`,
        name,
        data: toPoints(s),
        itemStyle: { color, opacity },
        barMaxWidth: 24,
      };
    }
    return {
      type: 'line',
      id: `s${i}`,
      name,
      data: toPoints(s),
      showSymbol: false,
      connectNulls: false,
      sampling: 'lttb',
      lineStyle: { color, width: 1.5, opacity },
      itemStyle: { color },
      ...(kind === 'area' || stacked ? { areaStyle: { color, opacity: stacked ? 0.55 * opacity : 0.15 * opacity } } : {}),
      ...(stacked ? { stack: 'total' } : {}),
    };
  });

  const marks = input.deployments ?? [];
  if (marks.length > 0) series.push(deploymentMarkSeries(marks, palette));
  // A deployment shows in the tooltip of the points around it: within 1 % of the range, a few pixels.
  const nearMs = ((input.range.until - input.range.from) * 1000) / 100;

  return {
    animation: false,
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    tooltip: {
      ...axisTooltipFrame(palette),
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as TooltipItem[];
        const at = hoveredMs(items);
        const near = at === null ? [] : marksNear(marks, at, nearMs);
        return tooltipHtml(items, unit, timeZone) + marksTooltipHtml(near, timeZone);
      },
    },
    xAxis: {
      type: 'time',
      min: input.range.from * 1000,
      max: input.range.until * 1000,
      axisLine: { lineStyle: { color: palette.gridLine } },
      axisLabel: {
        color: palette.muted,
        hideOverlap: true,
        formatter: (ms: number) => formatClock(ms / 1000, { withDate: input.range.until - input.range.from > 2 * 86_400, timeZone }),
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      ...yBounds(unit),
      axisLabel: { color: palette.muted, formatter: (v: number) => formatValue(v, unit) },
      splitLine: { lineStyle: { color: palette.gridLine } },
    },
    series,
  };
}
