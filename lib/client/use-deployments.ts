'use client';

import useSWR from 'swr';
import { type Deployment, type DeploymentListQuery, deploymentListSchema, deploymentListUrl } from '@/lib/api/deployments';
import type { DeploymentMark } from '@/lib/charts/deployment-marks';
import { REFRESH_INTERVAL_MS, type RefreshOption } from '@/lib/shared/view-params';
import { fetchJson } from './api-fetch';

/** Deployments are rare; every chart of a view shares this one list (SWR dedupes by URL). */
export const DEPLOYMENTS_DEDUPE_MS = 10_000;

/** Deployments change when someone deploys: a minute is soon enough for the list page. */
export const DEPLOYMENT_LIST_REFRESH_MS = 60_000;

export interface DeploymentsState {
  deployments: Deployment[] | undefined;
  error: unknown;
  isLoading: boolean;
}

/**
 * The one hook of `GET /api/deployments`: the deployments of `query` (null: not ready, nothing
 * fetched), looked at again every `refreshMs`. The list page and the charts' marks read it.
 */
export function useDeployments(query: DeploymentListQuery | null, refreshMs: number): DeploymentsState {
  const { data, error, isLoading } = useSWR(
    query ? deploymentListUrl(query) : null,
    (url: string) => fetchJson(url, deploymentListSchema),
    {
      keepPreviousData: true,
      refreshInterval: refreshMs,
      dedupingInterval: DEPLOYMENTS_DEDUPE_MS,
      revalidateOnFocus: false,
    },
  );
  return { deployments: data?.deployments, error, isLoading };
}

/**
 * The hub's deployments over the page's range, to mark on charts. Markers are an extra: when
 * they cannot be loaded the charts draw without them rather than fail.
 */
export function useDeploymentMarks(hub: string | null, from: string, until: string, refresh: RefreshOption): DeploymentMark[] {
  const { deployments } = useDeployments(hub ? { hub, from, until } : null, REFRESH_INTERVAL_MS[refresh]);
  return deployments ?? [];
}
