'use client';

import { useEffect, useMemo } from 'react';
import { type DeploymentMark, marksInRange } from '@/lib/charts/deployment-marks';
import type { ValueUnit } from '@/lib/charts/format';
import { detectConsolidation, legendStats } from '@/lib/charts/legend-stats';
import { DARK_PALETTE, LIGHT_PALETTE, seriesColor } from '@/lib/charts/palette';
import { panelStatus, silentSince } from '@/lib/charts/panel-state';
import { buildTimeSeriesOption, type ChartKind, seriesName } from '@/lib/charts/time-series-option';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useColorScheme } from '@/lib/client/use-color-scheme';
import type { ChartRequest } from '@/lib/explore/explore-link';
import type { Series } from '@/lib/shared/series';
import { ChartActions } from './chart-actions';
import { ChartLegend } from './chart-legend';
import { DeploymentStrip } from './deployment-strip';
import { LazyEChart, preloadEChart } from './lazy-echart';
import { PanelBadges } from './panel-badges';

export interface TimeSeriesChartProps {
  /** Stable id for tests (`data-testid="panel-<id>"`). */
  id: string;
  title: string;
  description?: string;
  series: readonly Series[] | undefined;
  names?: readonly string[];
  unit: ValueUnit;
  kind?: ChartKind;
  /** The range drawn, epoch seconds; `live` when it ends at "now". */
  range: { from: number; until: number };
  live: boolean;
  nowSeconds: number;
  isLoading: boolean;
  error: unknown;
  isStale: boolean;
  fetchedAt: number | null;
  /** Says why a panel can be empty, e.g. which collector source feeds it. */
  emptyMessage: string;
  /** Drag-to-zoom: the selected window in epoch seconds. */
  onZoom?: (fromSeconds: number, untilSeconds: number) => void;
  height?: number;
  /** False when the targets aggregate on purpose (summarize): a wide step is then no surprise. */
  reportConsolidation?: boolean;
  /** Deployments and restarts of the hub; those inside the range are marked. */
  deployments?: readonly DeploymentMark[];
  /** What the chart asked Graphite for: shows "Open in explore" and the export links. */
  request?: ChartRequest;
}

/** A time-series panel: pure (props in, pixels out). Data comes from a hook in the caller. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { id, title, description, series, unit, kind = 'line', range, live, nowSeconds, error, isStale } = props;
  const scheme = useColorScheme();
  // Fetch the chart code while the data is still on its way, not after it arrives.
  useEffect(() => preloadEChart(), []);
  const palette = scheme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
  const status = panelStatus({ series, isLoading: props.isLoading, error });
  const names = props.names;

  const { from, until } = range;
  const marks = useMemo(() => marksInRange(props.deployments ?? [], { from, until }), [props.deployments, from, until]);
  const option = useMemo(
    () =>
      series
        ? buildTimeSeriesOption({ series, names, unit, kind, palette, range: { from, until }, stale: isStale, deployments: marks })
        : null,
    [series, names, unit, kind, palette, from, until, isStale, marks],
  );
  const rows = useMemo(
    () =>
      (series ?? []).map((s, i) => ({
        name: seriesName({ series: series ?? [], names }, i),
        color: seriesColor(palette, i),
        stats: legendStats(s.datapoints),
      })),
    [series, names, palette],
  );
  const consolidation = useMemo(
    () => (series && props.reportConsolidation !== false ? detectConsolidation(series, from, nowSeconds) : null),
    [series, from, nowSeconds, props.reportConsolidation],
  );
  const silence = series && status === 'ok' ? silentSince(series, until, live) : null;
  const height = props.height ?? 220;
  const onZoom = props.onZoom;

  return (
    <section className="panel" data-testid={`panel-${id}`} data-state={status} data-stale={isStale ? 'true' : 'false'}>
      <header className="panel-header">
        <h2>{title}</h2>
        {description ? <p className="panel-description">{description}</p> : null}
        <PanelBadges isStale={isStale} error={error} fetchedAt={props.fetchedAt} silence={silence} />
      </header>
      <div className="panel-body" style={{ minHeight: height }}>
        {status === 'ok' && option ? (
          <LazyEChart
            option={option}
            height={height}
            ariaLabel={`${title}: time-series chart`}
            onRangeSelect={onZoom ? (a, b) => onZoom(a / 1000, b / 1000) : undefined}
          />
        ) : (
          <p className={`panel-message panel-message-${status}`} role={status === 'error' ? 'alert' : undefined}>
            {status === 'loading' ? 'Loading…' : status === 'error' ? capitalise(plainErrorMessage(error)) : props.emptyMessage}
          </p>
        )}
      </div>
      {status === 'ok' ? <ChartLegend label={`${title}: legend`} rows={rows} unit={unit} consolidation={consolidation} /> : null}
      <DeploymentStrip marks={marks} />
      {props.request ? <ChartActions request={props.request} title={title} /> : null}
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
