'use client';

import { useMemo } from 'react';
import useSWR from 'swr';
import { z } from 'zod';
import type { GraphiteFunction } from '@/lib/explore/graphite-functions';
import { fetchJson } from './api-fetch';

export const FUNCTIONS_URL = '/api/graphite/functions';

const ParamSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  multiple: z.boolean(),
  default: z.string().optional(),
  options: z.array(z.string()).optional(),
  suggestions: z.array(z.string()).optional(),
});
const FunctionsSchema = z.object({
  functions: z.array(
    z.object({ name: z.string(), group: z.string(), signature: z.string(), description: z.string(), params: z.array(ParamSchema) }),
  ),
});

export interface FunctionsState {
  functions: readonly GraphiteFunction[];
  /** Null until loaded (or when it failed): the target check then skips names and counts. */
  byName: ReadonlyMap<string, GraphiteFunction> | null;
  error: unknown;
  isLoading: boolean;
}

/** graphite-web's function list, fetched once per page (the server keeps it ten minutes). */
export function useGraphiteFunctions(enabled = true): FunctionsState {
  const { data, error, isLoading } = useSWR(enabled ? FUNCTIONS_URL : null, (url: string) => fetchJson(url, FunctionsSchema), {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    shouldRetryOnError: false,
  });
  const byName = useMemo(() => (data ? new Map(data.functions.map((f) => [f.name, f])) : null), [data]);
  return { functions: data?.functions ?? [], byName, error, isLoading };
}
