'use client';

import useSWR from 'swr';
import { z } from 'zod';
import type { Series } from '@/lib/explore/series';
import { REFRESH_INTERVAL_MS, type RefreshOption } from '@/lib/shared/view-params';
import { ApiClientError, fetchJson } from './api-fetch';
import { renderRequest } from './render-request';
import { renderUrl } from './use-render';

// ±Infinity (graphite-web's 1e9999) is a value here too: the legend shows it, the chart skips it.
const value = z.custom<number>((v) => typeof v === 'number' && !Number.isNaN(v));
const RenderSchema = z.array(
  z.object({
    target: z.string(),
    tags: z.record(z.string(), z.string()).default({}),
    datapoints: z.array(z.tuple([value.nullable(), z.number()])),
  }),
);

export interface ExploreQuery {
  /** What is sent to Graphite for each drawn line, in order. */
  targets: readonly string[];
  from: string;
  until: string;
  maxDataPoints?: number;
  /**
   * Per target: ask for every stored point (no maxDataPoints). For lines drawn as quantiles of
   * summarized bins, as /system asks for them: per-pixel averaging would change the numbers.
   */
  everyPoint?: readonly boolean[];
}

export type LineOutcome = { ok: true; series: Series[] } | { ok: false; error: ApiClientError };

const targetOf = (url: string) => new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('target') ?? '';

export interface ExploreSeriesState {
  /**
   * One per target, same order; undefined while the first answer is on its way, and per line while
   * a changed target's answer is (the other lines keep their last answer meanwhile).
   */
  outcomes: Array<LineOutcome | undefined> | undefined;
  /** The exact render requests made, one per target. */
  requests: string[];
  fetchedAt: number | null;
  error: unknown;
  isLoading: boolean;
  isStale: boolean;
}

async function fetchLines([, ...urls]: string[]): Promise<{ targets: string[]; outcomes: LineOutcome[]; fetchedAt: number }> {
  const settled = await Promise.allSettled(urls.map((key) => {
    const { url, init } = renderRequest(key);
    return fetchJson(url, RenderSchema, init);
  }));
  const outcomes = settled.map((result): LineOutcome => {
    if (result.status === 'fulfilled') return { ok: true, series: result.value };
    const error = result.reason instanceof ApiClientError ? result.reason : new ApiClientError(0, 'network', 'no answer');
    return { ok: false, error };
  });
  // Every line failing for a reason that is not about the line itself (backend down): keep the
  // last good answer on screen, marked stale, instead of replacing it with errors.
  const fault = outcomes.find((o): o is Extract<LineOutcome, { ok: false }> => !o.ok && (o.error.status < 400 || o.error.status >= 500));
  if (fault && outcomes.every((o) => !o.ok)) throw fault.error;
  return { targets: urls.map(targetOf), outcomes, fetchedAt: Date.now() };
}

/**
 * Renders each explore line on its own request, so a series is known to belong to its line (its
 * axis, its colour, its error: Graphite's 400 names every target of a request, not the bad one).
 * Each request goes through the server's render cache.
 */
export function useExploreSeries(query: ExploreQuery | null, refresh: RefreshOption): ExploreSeriesState {
  const requests = query
    ? query.targets.map((target, i) =>
        renderUrl({ targets: [target], from: query.from, until: query.until, maxDataPoints: query.everyPoint?.[i] ? undefined : query.maxDataPoints }),
      )
    : [];
  const key = requests.length > 0 ? ['hubwatch:explore', ...requests] : null;
  const { data, error, isLoading } = useSWR(key, fetchLines, {
    keepPreviousData: true,
    refreshInterval: REFRESH_INTERVAL_MS[refresh],
    revalidateOnFocus: false,
    dedupingInterval: 5_000,
  });
  // keepPreviousData may hand back the answer for other lines: match answers to lines by target.
  const outcomes = data && query ? query.targets.map((t) => data.outcomes[data.targets.indexOf(t)]) : undefined;
  return {
    outcomes,
    requests,
    fetchedAt: data?.fetchedAt ?? null,
    error,
    isLoading,
    isStale: Boolean(error) && data !== undefined,
  };
}
