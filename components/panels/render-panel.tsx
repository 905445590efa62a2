'use client';

import { useMemo, useRef } from 'react';
import { TimeSeriesChart } from '@/components/chart/time-series-chart';
import type { ValueUnit } from '@/lib/charts/format';
import type { ChartKind } from '@/lib/charts/time-series-option';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useReportStale } from '@/lib/client/stale-context';
import { resolveRange, zoomRange } from '@/lib/client/time-actions';
import { useElementWidth } from '@/lib/client/use-element-width';
import { useNowSeconds } from '@/lib/client/use-now';
import { useRender } from '@/lib/client/use-render';
import { useViewParams } from '@/lib/client/use-view-params';
import type { Series } from '@/lib/graphite/types';
import { isRelativeTime } from '@/lib/time-range';

/** Derived series computed in the browser from what Graphite returned (e.g. quantiles from bins). */
export type SeriesTransform = (series: Series[]) => { series: Series[]; names?: string[] };

export interface RenderPanelProps {
  id: string;
  title: string;
  description?: string;
  /** Graphite targets; null while a dependency (the hub) is unknown. */
  targets: readonly string[] | null;
  names?: readonly string[];
  unit: ValueUnit;
  kind?: ChartKind;
  emptyMessage: string;
  /** Ask Graphite for about one point per pixel; off when targets already aggregate (summarize). */
  fitToWidth?: boolean;
  transform?: SeriesTransform;
  height?: number;
}

/**
 * The connecting piece between the URL, the render hook and the pure chart: reads the range
 * from the URL, asks for ~one point per pixel, reports staleness to the page banner, and turns a
 * drag on the chart into a narrower range in the URL.
 */
export function RenderPanel(props: RenderPanelProps) {
  const { id, targets, fitToWidth = true, transform } = props;
  const { params, update } = useViewParams();
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const now = useNowSeconds();

  const ready = targets !== null && (!fitToWidth || width !== null);
  const query = ready
    ? { targets, from: params.from, until: params.until, maxDataPoints: fitToWidth && width ? width : undefined }
    : null;
  const state = useRender(query, params.refresh);

  const derived = useMemo(
    () => (state.series && transform ? transform(state.series) : null),
    [state.series, transform],
  );
  const range = useMemo(() => {
    try {
      return resolveRange(params, now);
    } catch {
      return { from: now - 3600, until: now };
    }
  }, [params, now]);

  useReportStale(
    `panel:${id}`,
    state.isStale ? { message: plainErrorMessage(state.error), fetchedAt: state.fetchedAt } : null,
  );

  return (
    <div ref={boxRef} className="panel-box">
      <TimeSeriesChart
        id={id}
        title={props.title}
        description={props.description}
        series={derived ? derived.series : state.series}
        names={derived ? derived.names : props.names}
        unit={props.unit}
        kind={props.kind}
        range={range}
        live={isRelativeTime(params.until)}
        nowSeconds={now}
        isLoading={state.isLoading}
        error={state.error}
        isStale={state.isStale}
        fetchedAt={state.fetchedAt}
        emptyMessage={props.emptyMessage}
        onZoom={(from, until) => update(zoomRange(from, until))}
        height={props.height}
        reportConsolidation={fitToWidth}
      />
    </div>
  );
}
