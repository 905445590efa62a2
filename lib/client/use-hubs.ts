'use client';

import useSWR from 'swr';
import { z } from 'zod';
import { HUB_DISCOVERY_QUERY } from '@/lib/catalog';
import { hubsFromFind } from '@/lib/shared/hubs';
import { fetchJson } from './api-fetch';

/** Hubs appear rarely; looking again every few minutes is plenty. */
export const HUBS_REFRESH_MS = 300_000;

/** The proxy's find answer (`GET /api/graphite/find`): nodes already normalised by the Graphite client. */
const FindSchema = z.array(z.object({ path: z.string(), name: z.string(), leaf: z.boolean() }));

/**
 * Same query as the server-side status page (`resolveHub`), so `/` and the client views agree on
 * the default hub: every collector with a health probe writes gauges.
 */
async function fetchHubs(): Promise<string[]> {
  const nodes = await fetchJson(`/api/graphite/find?query=${encodeURIComponent(HUB_DISCOVERY_QUERY)}`, FindSchema);
  return hubsFromFind(nodes);
}

export function useHubs(): { hubs: string[]; error: unknown; isLoading: boolean } {
  const { data, error, isLoading } = useSWR('hubwatch:hubs', fetchHubs, {
    refreshInterval: HUBS_REFRESH_MS,
    revalidateOnFocus: false,
    keepPreviousData: true,
  });
  return { hubs: data ?? [], error, isLoading };
}
