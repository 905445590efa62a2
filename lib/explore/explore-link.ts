import { type ExportFormat, exportUrl } from '@/lib/api/export';
import type { ValueUnit } from '@/lib/charts/format';
import type { ChartKind } from '@/lib/charts/time-series-option';
import type { QuantileTransformName } from '@/lib/system/quantile-transforms';
import { DEFAULT_DISPLAY, type ExploreState, MAX_LINES, writeExploreState } from './explore-state';

/** What a chart drew: enough to reproduce it in /explore or to export its numbers. */
export interface ChartRequest {
  targets: readonly string[];
  /** Display names, one per target, when the chart renames them in the browser. */
  names?: readonly string[];
  /** The URL's range, raw (`-6h` stays relative). */
  from: string;
  until: string;
  kind?: ChartKind;
  unit?: ValueUnit;
  hub?: string | null;
  /** The chart draws quantiles it computed from the histogram series its targets return. */
  transform?: QuantileTransformName;
}

/** `/explore?...` carrying the chart's exact targets, range and display (for a new tab). */
export function exploreHref(chart: ChartRequest): string {
  const names = chart.names && chart.names.length === chart.targets.length ? chart.names : null;
  const state: ExploreState = {
    lines: chart.targets.slice(0, MAX_LINES).map((target, i) => ({
      target,
      alias: names?.[i] ?? '',
      hidden: false,
      axis: 'left',
      ...(chart.transform ? { transform: chart.transform } : {}),
    })),
    display: { ...DEFAULT_DISPLAY, kind: chart.kind ?? DEFAULT_DISPLAY.kind, unit: chart.unit ?? DEFAULT_DISPLAY.unit },
  };
  const base = new URLSearchParams({ from: chart.from, until: chart.until });
  if (chart.hub) base.set('hub', chart.hub);
  return `/explore?${writeExploreState(base, state)}`;
}

/** `GET /api/export` of the same targets and range: every stored point (no maxDataPoints). */
export function exportHref(chart: Pick<ChartRequest, 'targets' | 'from' | 'until'>, format: ExportFormat): string {
  return exportUrl({ targets: chart.targets, from: chart.from, until: chart.until, format });
}
