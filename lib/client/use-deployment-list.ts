'use client';

import useSWR from 'swr';
import { z } from 'zod';
import { deploymentSchema } from '@/lib/deployments/schema';
import { fetchJson } from './api-fetch';

const ListSchema = z.object({ deployments: z.array(deploymentSchema) });
export type DeploymentRow = z.infer<typeof deploymentSchema>;

/** Deployments change when someone deploys: a minute is soon enough for the list. */
export const DEPLOYMENT_LIST_REFRESH_MS = 60_000;

export function deploymentListUrl(query: { hub: string | null; from: string; until: string }): string {
  const params = new URLSearchParams({ from: query.from, until: query.until });
  if (query.hub) params.set('hub', query.hub);
  return `/api/deployments?${params.toString()}`;
}

export function useDeploymentList(query: { hub: string | null; from: string; until: string }) {
  const { data, error, isLoading } = useSWR(deploymentListUrl(query), (url: string) => fetchJson(url, ListSchema), {
    keepPreviousData: true,
    revalidateOnFocus: false,
    refreshInterval: DEPLOYMENT_LIST_REFRESH_MS,
  });
  return { deployments: data?.deployments, error, isLoading };
}
