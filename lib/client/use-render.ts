'use client';

import useSWR from 'swr';
import { type RenderQuery, renderAnswerSchema, renderUrl, type Series } from '@/lib/api/render';
import { REFRESH_INTERVAL_MS, type RefreshOption } from '@/lib/shared/view-params';
import { ApiClientError, fetchJson } from './api-fetch';
import { renderRequest } from './render-request';

/** Two charts asking the same thing within this window share one request. */
export const RENDER_DEDUPE_MS = 5_000;

/** One render's answer: its series, or why it failed (a 4xx names what is wrong with its targets). */
export type RenderOutcome = { ok: true; series: Series[] } | { ok: false; error: ApiClientError };

export interface RenderState {
  /**
   * One per query, in order; undefined while the first answer is on its way, and per query while
   * a changed query's answer is (the others keep their last answer meanwhile).
   */
  outcomes: Array<RenderOutcome | undefined> | undefined;
  /** The exact render requests made (API URLs), one per query. */
  requests: string[];
  /** Epoch ms of the answer shown (the last good one while stale). */
  fetchedAt: number | null;
  /** Why the latest refresh failed as a whole (the backend, not a query); per-query failures are in `outcomes`. */
  error: unknown;
  isLoading: boolean;
  /** Data is shown but the latest refresh failed: the chart says so and keeps it. */
  isStale: boolean;
}

async function fetchRenders([, ...urls]: string[]): Promise<{ urls: string[]; outcomes: RenderOutcome[]; fetchedAt: number }> {
  const settled = await Promise.allSettled(
    urls.map((key) => {
      const { url, init } = renderRequest(key);
      return fetchJson(url, renderAnswerSchema, init);
    }),
  );
  const outcomes = settled.map((result): RenderOutcome => {
    if (result.status === 'fulfilled') return { ok: true, series: result.value };
    const error = result.reason instanceof ApiClientError ? result.reason : new ApiClientError(0, 'network', 'no answer');
    return { ok: false, error };
  });
  // Every query failing for a reason that is not about the query itself (backend down): keep the
  // last good answer on screen, marked stale, instead of replacing it with errors.
  const fault = outcomes.find((o): o is Extract<RenderOutcome, { ok: false }> => !o.ok && (o.error.status < 400 || o.error.status >= 500));
  if (fault && outcomes.every((o) => !o.ok)) throw fault.error;
  return { urls, outcomes, fetchedAt: Date.now() };
}

/**
 * The one hook of `GET /api/graphite/render`: each query on its own request (explore renders
 * each line alone, so a series is known to belong to its line: Graphite's 400 names every target
 * of a request, not the bad one); a chart asks one query with all its targets, and finds each
 * series by name (`seriesNamed`). `queries` null or empty while a dependency (hub, chart width)
 * is unknown: nothing is fetched. Every request goes through the server's render cache.
 */
export function useRender(queries: readonly RenderQuery[] | null, refresh: RefreshOption): RenderState {
  const requests = (queries ?? []).filter((q) => q.targets.length > 0).map(renderUrl);
  const key = requests.length > 0 ? ['hubwatch:render', ...requests] : null;
  const { data, error, isLoading } = useSWR(key, fetchRenders, {
    keepPreviousData: true,
    refreshInterval: REFRESH_INTERVAL_MS[refresh],
    dedupingInterval: RENDER_DEDUPE_MS,
    revalidateOnFocus: false,
  });
  // keepPreviousData may hand back the answer to other queries: match answers to queries by URL.
  const outcomes = data ? requests.map((url) => data.outcomes[data.urls.indexOf(url)]) : undefined;
  return {
    outcomes,
    requests,
    fetchedAt: data?.fetchedAt ?? null,
    error,
    isLoading,
    isStale: Boolean(error) && data !== undefined,
  };
}

/** A chart's one query: its series, and its error whether the backend or the query failed. */
export function singleRender(state: RenderState): { series: Series[] | undefined; error: unknown } {
  const outcome = state.outcomes?.[0];
  if (outcome === undefined) return { series: undefined, error: state.error };
  return outcome.ok ? { series: outcome.series, error: state.error } : { series: undefined, error: state.error ?? outcome.error };
}

export interface LinesQuery {
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

/** Explore's lines as one query each. */
export function perLineQueries(query: LinesQuery | null): RenderQuery[] | null {
  if (query === null) return null;
  return query.targets.map((target, i) => ({
    targets: [target],
    from: query.from,
    until: query.until,
    maxDataPoints: query.everyPoint?.[i] ? undefined : query.maxDataPoints,
  }));
}
