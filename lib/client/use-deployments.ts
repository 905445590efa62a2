'use client';

import useSWR from 'swr';
import { z } from 'zod';
import type { DeploymentMark } from '@/lib/charts/deployment-marks';
import { DEPLOYMENT_KINDS } from '@/lib/deployments/types';
import { REFRESH_INTERVAL_MS, type RefreshOption } from '@/lib/shared/view-params';
import { fetchJson } from './api-fetch';

/** Deployments are rare; every chart of a view shares this one list (SWR dedupes by URL). */
export const DEPLOYMENTS_DEDUPE_MS = 10_000;

// Only the fields a marker shows; the API answers more (lib/deployments/types.ts).
const MarkSchema = z.object({
  id: z.number(),
  when: z.number(),
  what: z.string(),
  version: z.string().nullable(),
  link: z.string().nullable(),
  kind: z.enum(DEPLOYMENT_KINDS),
});
const ListSchema = z.object({ deployments: z.array(MarkSchema) });

export function deploymentsUrl(hub: string, from: string, until: string): string {
  return `/api/deployments?${new URLSearchParams({ hub, from, until }).toString()}`;
}

/**
 * The hub's deployments over the page's range, to mark on charts. Markers are an extra: when
 * they cannot be loaded the charts draw without them rather than fail.
 */
export function useDeploymentMarks(hub: string | null, from: string, until: string, refresh: RefreshOption): DeploymentMark[] {
  const { data } = useSWR(hub ? deploymentsUrl(hub, from, until) : null, (url: string) => fetchJson(url, ListSchema), {
    keepPreviousData: true,
    refreshInterval: REFRESH_INTERVAL_MS[refresh],
    dedupingInterval: DEPLOYMENTS_DEDUPE_MS,
    revalidateOnFocus: false,
  });
  return data?.deployments ?? [];
}
