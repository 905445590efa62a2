import type { GraphiteFunction } from '@/lib/shared/graphite-functions';
import { type CachedCall, createCachedCall, processWide } from './cached-call';
import { getGraphiteClient } from './client';

/**
 * graphite-web's function list changes only when graphite-web is upgraded or a function plugin
 * is added, and it is 130 KB: kept ten minutes, fetched once however many editors open.
 */
export const FUNCTIONS_TTL_MS = 600_000;

type FunctionsAnswer = { functions: GraphiteFunction[] };

export function createFunctionsCache(load: () => Promise<GraphiteFunction[]>, ttlMs = FUNCTIONS_TTL_MS): CachedCall<FunctionsAnswer> {
  return createCachedCall<FunctionsAnswer>({
    load: async () => ({ functions: await load() }),
    enabled: true,
    ttlMs,
    maxEntries: 1,
  });
}

export function getFunctionsCache(): CachedCall<FunctionsAnswer> {
  return processWide('functionsCache', () => createFunctionsCache(() => getGraphiteClient().functions()));
}

/** What /api/graphite/functions answers. */
export async function cachedFunctions(): Promise<FunctionsAnswer> {
  return getFunctionsCache().get('all');
}
