'use client';

import { type RefObject, useMemo, useRef } from 'react';
import type { Series } from '@/lib/api/render';
import { isRelativeTime } from '@/lib/time-range';
import { plainErrorMessage } from './api-fetch';
import { useReportStale } from './stale-context';
import { resolveRangeOrLastHour } from './time-actions';
import { useElementWidth } from './use-element-width';
import { useNowSeconds } from './use-now';
import { singleRender, useRender } from './use-render';
import { useViewParams } from './use-view-params';

export interface LiveSeries {
  series: Series[] | undefined;
  /** Epoch ms of the answer shown (the last good one while stale). */
  fetchedAt: number | null;
  error: unknown;
  isLoading: boolean;
  /** Data is shown but the latest refresh failed: the panel says so and keeps it. */
  isStale: boolean;
  /** Attach to the panel's box: its width sets `maxDataPoints`. */
  boxRef: RefObject<HTMLDivElement | null>;
  /** The URL's range resolved against the ticking clock, epoch seconds. */
  range: { from: number; until: number };
  live: boolean;
  nowSeconds: number;
}

/**
 * Everything a chart panel needs from the page URL: render `targets` over the URL's range with
 * about one point per pixel of the panel (unless `fitToWidth` is false), refresh as the URL says,
 * and report staleness to the page banner under `id`. `targets` null: not ready, nothing fetched.
 */
export function useLiveSeries(id: string, targets: readonly string[] | null, fitToWidth = true): LiveSeries {
  const { params } = useViewParams();
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const now = useNowSeconds();

  const ready = targets !== null && (!fitToWidth || width !== null);
  const query = ready ? { targets, from: params.from, until: params.until, maxDataPoints: fitToWidth && width ? width : undefined } : null;
  const state = useRender(query ? [query] : null, params.refresh);
  const { series, error } = singleRender(state);

  const range = useMemo(() => resolveRangeOrLastHour(params, now), [params, now]);

  useReportStale(`panel:${id}`, state.isStale ? { message: plainErrorMessage(state.error), fetchedAt: state.fetchedAt } : null);

  return {
    series,
    fetchedAt: state.fetchedAt,
    error,
    isLoading: state.isLoading,
    isStale: state.isStale,
    boxRef,
    range,
    live: isRelativeTime(params.until),
    nowSeconds: now,
  };
}
