'use client';

import useSWR from 'swr';
import { type FindNode, findAnswerSchema, findUrl } from '@/lib/api/find';
import { fetchJson } from './api-fetch';

/** Two lists asking the same level within this window share one request. */
export const FIND_DEDUPE_MS = 10_000;

export interface FindState {
  nodes: FindNode[] | undefined;
  error: unknown;
  isLoading: boolean;
}

async function fetchNodes([, ...patterns]: string[]): Promise<FindNode[]> {
  const answers = await Promise.all(patterns.map((q) => fetchJson(findUrl(q), findAnswerSchema)));
  const byPath = new Map<string, FindNode>();
  for (const node of answers.flat()) byPath.set(node.path, node);
  return [...byPath.values()].sort((a, b) => Number(a.leaf) - Number(b.leaf) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The one hook of `GET /api/graphite/find`: the nodes matching each of `queries` (Graphite path
 * patterns), merged and de-duplicated by path, sorted branches first. `queries` empty: nothing
 * fetched. `refreshMs` looks again that often (0: only when the queries change). The server
 * caches every find.
 */
export function useFind(queries: readonly string[], refreshMs = 0): FindState {
  const key = queries.length > 0 ? ['hubwatch:find', ...queries] : null;
  const { data, error, isLoading } = useSWR(key, fetchNodes, {
    revalidateOnFocus: false,
    dedupingInterval: FIND_DEDUPE_MS,
    keepPreviousData: true,
    refreshInterval: refreshMs,
  });
  return { nodes: data, error, isLoading };
}
