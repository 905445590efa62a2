import { getConfig } from '@/lib/config';
import { type CachedCall, createCachedCall, processWide } from './cached-call';
import { getGraphiteClient } from './client';
import type { FindNode } from './types';

/**
 * Finds, cached like renders: the metric tree of /explore asks for the same levels again and
 * again (every person, every expand), and the header's hub list asks for one on every view.
 * A find is kept as long as a render of a live range (new metrics appear as hubs report).
 */

type FindAnswer = { nodes: FindNode[] };

export function createFindCache(load: (query: string) => Promise<FindNode[]>, settings = getConfig().graphite.cache): CachedCall<FindAnswer> {
  return createCachedCall<FindAnswer>({
    load: async (query) => ({ nodes: await load(query) }),
    enabled: settings.enabled,
    ttlMs: settings.relativeTtlMs,
    maxEntries: settings.maxEntries,
  });
}

export function getFindCache(): CachedCall<FindAnswer> {
  return processWide('findCache', () => createFindCache((query) => getGraphiteClient().find(query)));
}

/** What /api/graphite/find answers: the nodes matching `query`, through the process-wide cache. */
export async function cachedFind(query: string): Promise<FindNode[]> {
  return (await getFindCache().get(query)).nodes;
}
