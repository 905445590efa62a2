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

const FIND_CACHE_BYTES = 8 * 1024 * 1024;

export function createFindCache(
  load: (query: string) => Promise<FindNode[]>,
  settings = getConfig().graphite.cache,
): CachedCall<FindAnswer> {
  return createCachedCall<FindAnswer>({
    load: async (query) => ({ nodes: await load(query) }),
    enabled: settings.enabled,
    ttlMs: settings.relativeTtlMs,
    maxEntries: settings.maxEntries,
    // A find of a wide glob over 200 hubs is thousands of nodes: counted as its strings (UTF-16) and objects.
    sizeOf: ({ nodes }) => nodes.reduce((sum, node) => sum + 96 + 2 * (node.path.length + node.name.length), 64),
    maxBytes: FIND_CACHE_BYTES,
  });
}

export function getFindCache(): CachedCall<FindAnswer> {
  return processWide('findCache', () => createFindCache((query) => getGraphiteClient().find(query)));
}

/** What /api/graphite/find answers: the nodes matching `query`, through the process-wide cache. */
export async function cachedFind(query: string): Promise<FindNode[]> {
  return (await getFindCache().get(query)).nodes;
}
