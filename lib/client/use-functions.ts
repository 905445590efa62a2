'use client';

import { useMemo } from 'react';
import useSWR from 'swr';
import { FUNCTIONS_URL, functionsAnswerSchema, type GraphiteFunction } from '@/lib/api/functions';
import { fetchJson } from './api-fetch';

export interface FunctionsState {
  functions: readonly GraphiteFunction[];
  /** Null until loaded (or when it failed): the target check then skips names and counts. */
  byName: ReadonlyMap<string, GraphiteFunction> | null;
  error: unknown;
  isLoading: boolean;
}

/** The one hook of `GET /api/graphite/functions`: fetched once per page (the server keeps it ten minutes). */
export function useFunctions(enabled = true): FunctionsState {
  const { data, error, isLoading } = useSWR(enabled ? FUNCTIONS_URL : null, (url: string) => fetchJson(url, functionsAnswerSchema), {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    shouldRetryOnError: false,
  });
  const byName = useMemo(() => (data ? new Map(data.functions.map((f) => [f.name, f])) : null), [data]);
  return { functions: data?.functions ?? [], byName, error, isLoading };
}
