'use client';

import { useMemo } from 'react';
import { TimeSeriesChart } from '@/components/chart/time-series-chart';
import type { ValueUnit } from '@/lib/charts/format';
import type { ChartKind } from '@/lib/charts/time-series-option';
import { zoomRange } from '@/lib/client/time-actions';
import { useDeploymentMarks } from '@/lib/client/use-deployments';
import { useLiveSeries } from '@/lib/client/use-live-series';
import { useSelectedHub } from '@/lib/client/use-selected-hub';
import { useViewParams } from '@/lib/client/use-view-params';
import { type QuantileTransformName, quantileTransform } from '@/lib/system/quantile-transforms';

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
  /** Quantiles computed in the browser from the histogram series the targets return. */
  transform?: QuantileTransformName;
  height?: number;
}

/**
 * A chart panel wired to the page: data from `useLiveSeries` (URL range, ~one point per pixel,
 * refresh, stale banner), drawn by the pure chart; a drag on the chart narrows the URL's range.
 */
export function RenderPanel(props: RenderPanelProps) {
  const { id, targets, fitToWidth = true, transform } = props;
  const { params, update } = useViewParams();
  const data = useLiveSeries(id, targets, fitToWidth);
  const { hub } = useSelectedHub();
  const deployments = useDeploymentMarks(hub, params.from, params.until, params.refresh);

  const derived = useMemo(
    () => (data.series && transform ? quantileTransform(transform).transform(data.series) : null),
    [data.series, transform],
  );

  return (
    <div ref={data.boxRef} className="panel-box">
      <TimeSeriesChart
        id={id}
        title={props.title}
        description={props.description}
        series={derived ? derived.series : data.series}
        names={derived ? derived.names : props.names}
        unit={props.unit}
        kind={props.kind}
        range={data.range}
        live={data.live}
        nowSeconds={data.nowSeconds}
        isLoading={data.isLoading}
        error={data.error}
        isStale={data.isStale}
        fetchedAt={data.fetchedAt}
        emptyMessage={props.emptyMessage}
        onZoom={(from, until) => update(zoomRange(from, until))}
        height={props.height}
        reportConsolidation={fitToWidth}
        deployments={deployments}
        request={
          params.kiosk || !targets
            ? undefined
            : { targets, names: props.names, from: params.from, until: params.until, kind: props.kind, unit: props.unit, hub, transform }
        }
      />
    </div>
  );
}
