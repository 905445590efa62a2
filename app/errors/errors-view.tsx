'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useRef } from 'react';
import { TimeSeriesChart } from '@/components/chart/time-series-chart';
import { AutoRefresh } from '@/components/status/auto-refresh';
import styles from '@/components/status/errors.module.css';
import { ErrorsTable, StatusCodeList } from '@/components/status/errors-table';
import { rangePhrase } from '@/components/status/status-format';
import { plainErrorMessage } from '@/lib/client/api-fetch';
import { useReportStale } from '@/lib/client/stale-context';
import { resolveRangeOrLastHour, zoomRange } from '@/lib/client/time-actions';
import { useElementWidth } from '@/lib/client/use-element-width';
import { useNowSeconds } from '@/lib/client/use-now';
import { useRender } from '@/lib/client/use-render';
import { parseViewParams, REFRESH_INTERVAL_MS } from '@/lib/client/view-params';
import { ERRORS_EXPLAINED, type ErrorCategory } from '@/lib/errors-explained';
import { errorTargets, eventSpan, isErrorCategory } from '@/lib/status/error-targets';
import type { PageStatus } from '@/lib/status/load-page-status';
import { formatUtcTime } from '@/lib/status/plain-language';
import { isRelativeTime } from '@/lib/time-range';

export interface ErrorsViewProps {
  data: PageStatus;
  category: ErrorCategory | null;
}

export function ErrorsView({ data, category }: ErrorsViewProps) {
  const search = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const params = useMemo(() => parseViewParams(new URLSearchParams(search.toString())), [search]);
  const hub = data.kind === 'error' ? null : data.status.hub.name;
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const now = useNowSeconds();

  const query =
    hub !== null && width !== null
      ? { targets: errorTargets(hub, category), from: params.from, until: params.until, maxDataPoints: width }
      : null;
  const chart = useRender(query, params.refresh);
  useReportStale(
    'panel:errors-over-time',
    chart.isStale ? { message: plainErrorMessage(chart.error), fetchedAt: chart.fetchedAt } : null,
  );
  const names = useMemo(
    () => chart.series?.map((s) => (isErrorCategory(s.target) ? ERRORS_EXPLAINED[s.target].label : s.target)),
    [chart.series],
  );
  const range = useMemo(() => resolveRangeOrLastHour(params, now), [params, now]);

  /** Range and category live in the URL only; a change pushes history so Back undoes it. */
  const navigate = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(search.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      if (hub !== null && !next.has('hub')) next.set('hub', hub);
      router.push(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [search, pathname, router, hub],
  );

  const onSelect = useCallback(
    (selected: ErrorCategory) => {
      const points = chart.series?.find((s) => s.target === selected)?.datapoints ?? [];
      const span = eventSpan(points);
      const narrowed = span ? zoomRange(span.from, span.until) : null;
      navigate({ category: selected, ...(narrowed ? { from: narrowed.from, until: narrowed.until } : {}) });
    },
    [chart.series, navigate],
  );

  if (data.kind === 'error') {
    return (
      <main className={styles.page}>
        <AutoRefresh intervalMs={REFRESH_INTERVAL_MS[params.refresh]} />
        <h1>What students ran into</h1>
        <p role="alert">The errors cannot be shown: {data.problem}.</p>
      </main>
    );
  }
  const { status } = data;
  const live = isRelativeTime(params.until);
  return (
    <main className={styles.page}>
      <AutoRefresh intervalMs={REFRESH_INTERVAL_MS[params.refresh]} />
      {data.kind === 'stale' ? (
        <p className={styles.notice} role="status" data-testid="stale-banner">
          Stale: {data.problem}; showing counts computed at {formatUtcTime(data.fetchedAt)}.
        </p>
      ) : null}
      <div className={styles.header}>
        <h1>What students ran into</h1>
        <p data-testid="errors-total">
          {status.errors.total.toLocaleString('en-US')} errors {rangePhrase(status.range.from, status.range.until, live)}
          {' · '}
          {status.errors.previousTotal.toLocaleString('en-US')} in the previous range of the same length
        </p>
      </div>
      {category ? (
        <p className={styles.filter} data-testid="category-filter">
          Showing only: <strong>{ERRORS_EXPLAINED[category].label}</strong>
          <button type="button" onClick={() => navigate({ category: null })}>
            Show all categories
          </button>
        </p>
      ) : null}
      <div ref={boxRef}>
        <TimeSeriesChart
          id="errors-over-time"
          title="Errors over time"
          description="Stacked by category; drag across the chart to narrow the range."
          series={chart.series}
          names={names}
          unit="count"
          kind="stacked-area"
          range={range}
          live={live}
          nowSeconds={now}
          isLoading={chart.isLoading || query === null}
          error={chart.error}
          isStale={chart.isStale}
          fetchedAt={chart.fetchedAt}
          emptyMessage="No errors reported in this range (fed by the collector's log source)."
          onZoom={(from, until) => {
            const zoomed = zoomRange(from, until);
            navigate({ from: zoomed.from, until: zoomed.until });
          }}
          height={260}
          request={query && !params.kiosk ? { ...query, kind: 'stacked-area', unit: 'count', hub } : undefined}
        />
      </div>
      <ErrorsTable byCategory={status.errors.byCategory} selected={category} onSelect={onSelect} />
      <section>
        <h2>Hub responses by status code</h2>
        <StatusCodeList byStatus={status.requests.byStatus} />
      </section>
    </main>
  );
}
