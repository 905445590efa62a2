import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Datapoint } from '@/lib/shared/series';
import { escapeHtml } from './escape-html';
import { formatValue, type ValueUnit } from './format';
import { axisTooltipFrame, type ChartPalette } from './palette';

export type OverlayOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption>;

export interface OverlayInput {
  /** Points around the deployment, and the same stretch of time one week earlier. */
  current: readonly Datapoint[];
  lastWeek: readonly Datapoint[];
  /** The deployment time (epoch seconds) and, for last week, that time minus 7 days. */
  when: number;
  lastWeekWhen: number;
  /** Half-width of the chart in seconds (the impact window). */
  windowSeconds: number;
  unit: ValueUnit;
  palette: ChartPalette;
}

/** Points as [minutes from the reference time, value]; nulls stay gaps. */
export function minutesFrom(points: readonly Datapoint[], reference: number): Array<[number, number | null]> {
  return points.map(([value, at]) => [(at - reference) / 60, value !== null && Number.isFinite(value) ? value : null]);
}

/**
 * Before and after a deployment on one axis of minutes from it (0 = the deployment), with last
 * week's same minutes as a dashed baseline: a weekly class looks like itself a week ago, so a jump
 * that last week also had is not the deployment's doing. Pure, unit-tested as data.
 */
export function buildOverlayOption(input: OverlayInput): OverlayOption {
  const { palette, unit } = input;
  const minutes = input.windowSeconds / 60;
  const current = palette.series[0] ?? palette.text;
  const baseline = palette.muted;
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 12, bottom: 24, containLabel: true },
    tooltip: {
      ...axisTooltipFrame(palette),
      formatter: (params: unknown) => overlayTooltip(Array.isArray(params) ? params : [params], unit),
    },
    xAxis: {
      type: 'value',
      min: -minutes,
      max: minutes,
      name: 'minutes from the deployment',
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: { color: palette.muted },
      axisLabel: { color: palette.muted, formatter: (m: number) => (m > 0 ? `+${m}` : String(m)) },
      axisLine: { lineStyle: { color: palette.gridLine } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { color: palette.muted, formatter: (v: number) => formatValue(v, unit) },
      splitLine: { lineStyle: { color: palette.gridLine } },
    },
    series: [
      {
        type: 'line',
        id: 'current',
        name: 'this deployment',
        data: minutesFrom(input.current, input.when),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: current, width: 1.5 },
        itemStyle: { color: current },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          label: { show: false },
          lineStyle: { color: palette.text, type: 'dashed', width: 1.5 },
          data: [{ xAxis: 0 }],
        },
      },
      {
        type: 'line',
        id: 'last-week',
        name: 'same time last week',
        data: minutesFrom(input.lastWeek, input.lastWeekWhen),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: baseline, width: 1.5, type: 'dashed' },
        itemStyle: { color: baseline },
      },
    ],
  };
}

type Item = { seriesName?: string; value?: unknown };

function overlayTooltip(items: readonly Item[], unit: ValueUnit): string {
  const first = items[0]?.value;
  const at = Array.isArray(first) && typeof first[0] === 'number' ? first[0] : null;
  const header = at === null ? '' : `${at > 0 ? '+' : ''}${at.toFixed(0)} min`;
  const rows = items.map((item) => {
    const value = Array.isArray(item.value) && typeof item.value[1] === 'number' ? item.value[1] : null;
    return `<div>${escapeHtml(item.seriesName ?? '')}: <b>${escapeHtml(formatValue(value, unit))}</b></div>`;
  });
  return `<div>${escapeHtml(header)}</div>${rows.join('')}`;
}
