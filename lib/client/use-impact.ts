'use client';

import useSWR from 'swr';
import { type ImpactResponse, impactResponseSchema, impactUrl } from '@/lib/api/impact';
import { fetchJson } from './api-fetch';

/** A window still in progress changes as data arrives; a finished one does not. */
export const PARTIAL_IMPACT_REFRESH_MS = 30_000;

/** The one hook of `GET /api/deployments/<id>/impact`; `id` null: nothing fetched. */
export function useImpact(id: number | null, window: string): { impact: ImpactResponse | undefined; error: unknown; isLoading: boolean } {
  const { data, error, isLoading } = useSWR(
    id === null ? null : impactUrl(id, window),
    (url: string) => fetchJson(url, impactResponseSchema),
    {
      keepPreviousData: true,
      revalidateOnFocus: false,
      refreshInterval: (latest) => (latest?.partial ? PARTIAL_IMPACT_REFRESH_MS : 0),
    },
  );
  return { impact: data, error, isLoading };
}
