'use client';

import useSWR from 'swr';
import { z } from 'zod';
import { HUB_DISCOVERY_QUERY } from '@/lib/catalog';
import { fetchJson } from './api-fetch';
import { type FindNode, hubsFromFind } from './hubs';

/** Hubs appear rarely; looking again every few minutes is plenty. */
export const HUBS_REFRESH_MS = 300_000;


const FindNodeSchema: z.ZodType<FindNode> = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  path: z.string().optional(),
  text: z.string().optional(),
  leaf: z.union([z.number(), z.boolean()]).optional(),
  is_leaf: z.union([z.boolean(), z.string(), z.number()]).optional(),
});
/** The proxy may pass graphite-web's array through or wrap it; accept both. */
const FindSchema = z.union([
  z.array(FindNodeSchema),
  z.object({ nodes: z.array(FindNodeSchema) }).transform((v) => v.nodes),
  z.object({ metrics: z.array(FindNodeSchema) }).transform((v) => v.metrics),
]);

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
