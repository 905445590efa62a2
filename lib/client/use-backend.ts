'use client';

import useSWR from 'swr';
import { BACKEND_URL, type BackendStatus, backendSchema } from '@/lib/api/backend';
import { fetchJson } from './api-fetch';

/** About one StatsD flush: an outage shows up within a refresh, and so does the recovery. */
export const BACKEND_REFRESH_MS = 10_000;

/**
 * The one hook of `GET /api/backend`: whether the metrics backend answers with all its data.
 * Undefined until known, and while it cannot be read (the stale banner and the panels already
 * say when the backend is unreachable).
 */
export function useBackend(): BackendStatus | undefined {
  const { data } = useSWR(BACKEND_URL, (url: string) => fetchJson(url, backendSchema), {
    refreshInterval: BACKEND_REFRESH_MS,
    revalidateOnFocus: true,
    keepPreviousData: false,
  });
  return data;
}
