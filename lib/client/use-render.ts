'use client';

import useSWR from 'swr';
import { z } from 'zod';
import type { RenderQuery, Series } from '@/lib/shared/series';
import { REFRESH_INTERVAL_MS, type RefreshOption } from '@/lib/shared/view-params';
import { fetchJson } from './api-fetch';
import { renderRequest } from './render-request';

/** Bounds the URL (and so the proxy's target limit) when a panel is given many targets. */
export const MAX_TARGETS_PER_PANEL = 20;
/** Two panels asking the same thing within this window share one request. */
export const RENDER_DEDUPE_MS = 5_000;

const SeriesSchema = z.object({
  target: z.string(),
  tags: z.record(z.string(), z.string()).default({}),
  datapoints: z.array(z.tuple([z.number().nullable(), z.number()])),
});
const RenderSchema = z.array(SeriesSchema);

/** The API URL is the SWR key, built from the page URL's range. */
export function renderUrl(q: RenderQuery): string {
  const params = new URLSearchParams();
  for (const t of q.targets.slice(0, MAX_TARGETS_PER_PANEL)) params.append('target', t);
  params.set('from', q.from);
  params.set('until', q.until);
  if (q.maxDataPoints !== undefined) params.set('maxDataPoints', String(Math.max(1, Math.round(q.maxDataPoints))));
  return `/api/graphite/render?${params.toString()}`;
}

export interface RenderState {
  series: Series[] | undefined;
  /** Epoch ms of the answer shown (the last good one while stale). */
  fetchedAt: number | null;
  error: unknown;
  isLoading: boolean;
  /** Data is shown but the latest refresh failed: the panel says so and keeps it. */
  isStale: boolean;
}

async function fetchRender(key: string): Promise<{ series: Series[]; fetchedAt: number }> {
  const { url, init } = renderRequest(key);
  const series = await fetchJson(url, RenderSchema, init);
  return { series, fetchedAt: Date.now() };
}

/** `query` null while a dependency (hub, chart width) is unknown: nothing is fetched. */
export function useRender(query: RenderQuery | null, refresh: RefreshOption): RenderState {
  const key = query && query.targets.length > 0 ? renderUrl(query) : null;
  const { data, error, isLoading } = useSWR(key, fetchRender, {
    keepPreviousData: true,
    refreshInterval: REFRESH_INTERVAL_MS[refresh],
    dedupingInterval: RENDER_DEDUPE_MS,
    revalidateOnFocus: false,
  });
  return {
    series: data?.series,
    fetchedAt: data?.fetchedAt ?? null,
    error,
    isLoading,
    isStale: Boolean(error) && data !== undefined,
  };
}
