'use client';

import { useMemo } from 'react';
import { ChartActions } from '@/components/chart/chart-actions';
import { LazyEChart } from '@/components/chart/lazy-echart';
import type { ValueUnit } from '@/lib/charts/format';
import { buildOverlayOption } from '@/lib/charts/overlay-option';
import { DARK_PALETTE, LIGHT_PALETTE } from '@/lib/charts/palette';
import { useColorScheme } from '@/lib/client/use-color-scheme';
import type { ChartRequest } from '@/lib/explore/explore-link';
import type { Datapoint } from '@/lib/shared/series';

export interface OverlayChartProps {
  id: string;
  title: string;
  /** undefined while loading; null when Graphite answered without this series (no data). */
  current: readonly Datapoint[] | null | undefined;
  lastWeek: readonly Datapoint[] | null | undefined;
  /** Why the answer could not be loaded, in plain words; shown when there is nothing to draw. */
  error?: string | null;
  when: number;
  lastWeekWhen: number;
  windowSeconds: number;
  unit: ValueUnit;
  /** The series is there but holds no value in these windows. */
  emptyMessage: string;
  /** Graphite has no such series for this hub in these windows. */
  noDataMessage: string;
  /** Both lines as one query (last week as a time shift): "Open in explore" and the exports. */
  request?: ChartRequest;
}

/** Before/after aligned on the deployment, last week dashed. Pure: data comes from the caller's hook. */
export function OverlayChart(props: OverlayChartProps) {
  const scheme = useColorScheme();
  const palette = scheme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
  const { current, lastWeek, when, lastWeekWhen, windowSeconds, unit } = props;
  const option = useMemo(
    () => (current ? buildOverlayOption({ current, lastWeek: lastWeek ?? [], when, lastWeekWhen, windowSeconds, unit, palette }) : null),
    [current, lastWeek, when, lastWeekWhen, windowSeconds, unit, palette],
  );
  const values = (current ?? []).flatMap(([value]) => (value !== null && Number.isFinite(value) ? [value] : []));
  const hasData = values.length > 0;
  const message =
    current === undefined
      ? props.error
        ? `Cannot be shown: ${props.error}.`
        : 'Loading…'
      : current === null
        ? props.noDataMessage
        : props.emptyMessage;
  const state = current === undefined ? (props.error ? 'error' : 'loading') : current === null ? 'no-data' : hasData ? 'drawn' : 'empty';
  return (
    <section
      className="panel"
      data-testid={`overlay-${props.id}`}
      data-state={state}
      // The largest value drawn around the deployment, so a test can tell which numbers the line shows.
      data-peak={hasData ? Math.max(...values) : undefined}
    >
      <header className="panel-header">
        <h2>{props.title}</h2>
        <p className="panel-description">Solid: around this deployment. Dashed: the same minutes one week earlier.</p>
      </header>
      <div className="panel-body" style={{ minHeight: 220 }}>
        {option && hasData ? (
          <LazyEChart option={option} height={220} ariaLabel={`${props.title}: before and after the deployment`} />
        ) : (
          <p className="panel-message" role={state === 'error' ? 'alert' : undefined} data-testid={`overlay-${props.id}-message`}>
            {message}
          </p>
        )}
      </div>
      {props.request ? <ChartActions request={props.request} title={props.title} /> : null}
    </section>
  );
}
