'use client';

import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { ChartLegend } from '@/components/chart/chart-legend';
import { LazyEChart, preloadEChart } from '@/components/chart/lazy-echart';
import { PanelBadges } from '@/components/chart/panel-badges';
import { detectConsolidation, legendStats, seriesTotal } from '@/lib/charts/legend-stats';
import type { ChartPalette } from '@/lib/charts/palette';
import { seriesColor } from '@/lib/charts/palette';
import { panelStatus, silentSince } from '@/lib/charts/panel-state';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { buildExploreOption } from '@/lib/explore/explore-option';
import { type Axis, CONSOLIDATIONS, type ExploreDisplay } from '@/lib/explore/explore-state';
import type { Series } from '@/lib/explore/series';
import styles from './explore.module.css';
import { RequestView } from './request-view';

export interface ExploreChartProps {
  /** Every drawn series, in line order. */
  series: readonly Series[] | undefined;
  names: readonly string[];
  axes: readonly Axis[];
  display: ExploreDisplay;
  palette: ChartPalette;
  range: { from: number; until: number };
  live: boolean;
  nowSeconds: number;
  isLoading: boolean;
  error: unknown;
  isStale: boolean;
  fetchedAt: number | null;
  requests: readonly string[];
  origin: string;
  emptyMessage: string;
  onZoom: (fromSeconds: number, untilSeconds: number) => void;
  height: number;
}

type Tab = 'chart' | 'request';

/** The explore chart: pure (props in, pixels out), with a tab showing the requests behind it. */
export function ExploreChart(props: ExploreChartProps) {
  const { series, names, axes, display, palette, range, isStale, error } = props;
  const [tab, setTab] = useState<Tab>('chart');
  useEffect(() => preloadEChart(), []);
  const status = panelStatus({ series, isLoading: props.isLoading, error });
  const { from, until } = range;
  const option = useMemo(
    () =>
      series
        ? buildExploreOption({
            series,
            names,
            axes,
            unit: display.unit,
            rightUnit: display.rightUnit,
            kind: display.kind,
            nulls: display.nulls,
            palette,
            range: { from, until },
            stale: isStale,
          })
        : null,
    [series, names, axes, display, palette, from, until, isStale],
  );
  const rows = useMemo(
    () =>
      (series ?? []).map((s, i) => ({
        name: names[i] ?? s.target,
        color: seriesColor(palette, i),
        unit: axes[i] === 'right' ? display.rightUnit : display.unit,
        stats: legendStats(s.datapoints),
        total: seriesTotal(s.datapoints),
      })),
    [series, names, palette, axes, display.unit, display.rightUnit],
  );
  const consolidation = useMemo(
    () => (series ? detectConsolidation(series, from, props.nowSeconds) : null),
    [series, from, props.nowSeconds],
  );
  const silence = series && status === 'ok' ? silentSince(series, until, props.live) : null;
  const consolidatedBy = CONSOLIDATIONS.find((c) => c.value === display.consolidateBy)?.graphite ?? 'average';

  const tabs: Tab[] = ['chart', 'request'];
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + 1) % tabs.length] ?? 'chart';
    setTab(next);
    document.getElementById(`explore-tab-${next}`)?.focus();
  };

  return (
    <section className="panel" data-testid="panel-explore" data-state={status} data-stale={isStale ? 'true' : 'false'}>
      <header className="panel-header">
        <div role="tablist" aria-label="Chart or request" className={styles.tabs}>
          {tabs.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`explore-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`explore-tabpanel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              onClick={() => setTab(t)}
              onKeyDown={onTabKey}
            >
              {t === 'chart' ? 'Chart' : 'Request'}
            </button>
          ))}
        </div>
        <PanelBadges isStale={isStale} error={error} fetchedAt={props.fetchedAt} silence={silence} />
      </header>
      <div id="explore-tabpanel-chart" role="tabpanel" aria-labelledby="explore-tab-chart" hidden={tab !== 'chart'}>
        <div className="panel-body" style={{ minHeight: props.height }}>
          {status === 'ok' && option ? (
            <LazyEChart
              option={option}
              height={props.height}
              ariaLabel={`Explore: ${names.length} series, time-series chart; the legend below has the numbers`}
              onRangeSelect={(a, b) => props.onZoom(a / 1000, b / 1000)}
            />
          ) : (
            <p className={`panel-message panel-message-${status}`} role={status === 'error' ? 'alert' : undefined}>
              {status === 'loading' ? 'Loading…' : status === 'error' ? capitalise(plainErrorMessage(error)) : props.emptyMessage}
            </p>
          )}
        </div>
        {status === 'ok' ? (
          <ChartLegend
            label="Explore: legend"
            rows={rows}
            unit={display.unit}
            consolidation={consolidation}
            consolidatedBy={consolidatedBy}
            consolidationHint="Choose “Consolidate by” to change it, or export the stored points."
          />
        ) : null}
      </div>
      <div id="explore-tabpanel-request" role="tabpanel" aria-labelledby="explore-tab-request" hidden={tab !== 'request'}>
        <RequestView requests={props.requests} origin={props.origin} />
      </div>
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
