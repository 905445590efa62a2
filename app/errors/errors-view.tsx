'use client';

import { useQueryState } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { TimeSeriesChart } from '@/components/chart/time-series-chart';
import { StaleBanner } from '@/components/shell/stale-banner';
import { AutoRefresh } from '@/components/status/auto-refresh';
import styles from '@/components/status/errors.module.css';
import { ErrorsTable, StatusCodeList } from '@/components/status/errors-table';
import { rangePhrase } from '@/components/status/status-format';
import { zoomRange } from '@/lib/client/time-actions';
import { useDeploymentMarks } from '@/lib/client/use-deployments';
import { useLiveSeries } from '@/lib/client/use-live-series';
import { type ParamChanges, useViewParams } from '@/lib/client/use-view-params';
import { ERRORS_EXPLAINED, type ErrorCategory } from '@/lib/errors-explained';
import { REFRESH_INTERVAL_MS } from '@/lib/shared/view-params';
import { errorTargets, eventSpan, isErrorCategory } from '@/lib/status/error-targets';
import type { PageStatus } from '@/lib/status/load-page-status';
import { categoryParser } from './search-params';

export interface ErrorsViewProps {
  data: PageStatus;
  category: ErrorCategory | null;
}

export function ErrorsView({ data, category }: ErrorsViewProps) {
  const { params, update } = useViewParams();
  const [, setCategory] = useQueryState('category', categoryParser);
  const hub = data.kind === 'error' ? null : data.status.hub.name;
  const targets = useMemo(() => (hub === null ? null : errorTargets(hub, category)), [hub, category]);
  const chart = useLiveSeries('errors-over-time', targets);
  // Deployments are marked on every time chart, this one included.
  const deployments = useDeploymentMarks(hub, params.from, params.until, params.refresh);
  const names = useMemo(
    () => chart.series?.map((s) => (isErrorCategory(s.target) ? ERRORS_EXPLAINED[s.target].label : s.target)),
    [chart.series],
  );

  /**
   * Range and category live in the URL only; a change pushes history so Back undoes it. The hub
   * the counts were computed for is written too, so the narrowed view stays on it.
   */
  const navigate = useCallback(
    (changes: ParamChanges, nextCategory?: ErrorCategory | null) => {
      if (nextCategory !== undefined) void setCategory(nextCategory);
      update({ ...changes, ...(hub !== null && params.hub === null ? { hub } : {}) });
    },
    [update, setCategory, hub, params.hub],
  );

  const onSelect = useCallback(
    (selected: ErrorCategory) => {
      const points = chart.series?.find((s) => s.target === selected)?.datapoints ?? [];
      const span = eventSpan(points);
      navigate(span ? zoomRange(span.from, span.until) : {}, selected);
    },
    [chart.series, navigate],
  );

  if (data.kind === 'error') {
    return (
      <div className={styles.page}>
        <AutoRefresh intervalMs={REFRESH_INTERVAL_MS[params.refresh]} />
        <StaleBanner />
        <h1>What students ran into</h1>
        <p role="alert">The errors cannot be shown: {data.problem}.</p>
      </div>
    );
  }
  const { status } = data;
  return (
    <div className={styles.page}>
      <AutoRefresh intervalMs={REFRESH_INTERVAL_MS[params.refresh]} />
      <StaleBanner pageReport={data.kind === 'stale' ? { message: data.problem, fetchedAt: data.fetchedAt * 1000 } : null} />
      <div className={styles.header}>
        <h1>What students ran into</h1>
        <p data-testid="errors-total">
          {status.errors.total.toLocaleString('en-US')} errors {rangePhrase(status.range.from, status.range.until, chart.live)}
          {' · '}
          {status.errors.previousTotal.toLocaleString('en-US')} in the previous range of the same length
        </p>
      </div>
      {category ? (
        <p className={styles.filter} data-testid="category-filter">
          Showing only: <strong>{ERRORS_EXPLAINED[category].label}</strong>
          <button type="button" onClick={() => navigate({}, null)}>
            Show all categories
          </button>
        </p>
      ) : null}
      <div ref={chart.boxRef}>
        <TimeSeriesChart
          id="errors-over-time"
          title="Errors over time"
          description="Stacked by category; drag across the chart to narrow the range."
          series={chart.series}
          names={names}
          unit="count"
          kind="stacked-area"
          range={chart.range}
          live={chart.live}
          nowSeconds={chart.nowSeconds}
          isLoading={chart.isLoading}
          error={chart.error}
          isStale={chart.isStale}
          fetchedAt={chart.fetchedAt}
          emptyMessage="No errors reported in this range (fed by the collector's log source)."
          onZoom={(from, until) => navigate(zoomRange(from, until))}
          height={260}
          deployments={deployments}
          request={
            targets && !params.kiosk
              ? { targets, from: params.from, until: params.until, kind: 'stacked-area', unit: 'count', hub }
              : undefined
          }
        />
      </div>
      <ErrorsTable byCategory={status.errors.byCategory} selected={category} onSelect={onSelect} />
      <section>
        <h2>Hub responses by status code</h2>
        <StatusCodeList byStatus={status.requests.byStatus} />
      </section>
    </div>
  );
}
