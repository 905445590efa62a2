'use client';

import useSWR from 'swr';
import { z } from 'zod';
import type { FindNode } from '@/lib/explore/series';
import { fetchJson } from './api-fetch';

const NodesSchema = z.array(z.object({ path: z.string(), name: z.string(), leaf: z.boolean() }));

export function findUrl(query: string): string {
  return `/api/graphite/find?${new URLSearchParams({ query }).toString()}`;
}

export interface FindState {
  nodes: FindNode[] | undefined;
  error: unknown;
  isLoading: boolean;
}

/**
 * The nodes matching each of `queries` (Graphite path patterns), merged and de-duplicated by path,
 * sorted branches first. `queries` empty: nothing fetched. The server caches every find.
 */
export function useMetricFind(queries: readonly string[]): FindState {
  const key = queries.length > 0 ? ['hubwatch:find', ...queries] : null;
  const { data, error, isLoading } = useSWR(
    key,
    async ([, ...patterns]: string[]) => {
      const answers = await Promise.all(patterns.map((q) => fetchJson(findUrl(q), NodesSchema)));
      const byPath = new Map<string, FindNode>();
      for (const node of answers.flat()) byPath.set(node.path, node);
      return [...byPath.values()].sort((a, b) => Number(a.leaf) - Number(b.leaf) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    { revalidateOnFocus: false, dedupingInterval: 10_000, keepPreviousData: true },
  );
  return { nodes: data, error, isLoading };
}
