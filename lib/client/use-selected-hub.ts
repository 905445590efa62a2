'use client';

import { useMemo } from 'react';
import { HUB_DISCOVERY_QUERY } from '@/lib/catalog';
import { chooseHub, hubsFromFind } from '@/lib/shared/hubs';
import { useFind } from './use-find';
import { useViewParams } from './use-view-params';

/** Hubs appear rarely; looking again every few minutes is plenty. */
export const HUBS_REFRESH_MS = 300_000;

const DISCOVERY = [HUB_DISCOVERY_QUERY] as const;

/**
 * The hub every panel of a view shows: the URL's `hub`, else the default choice among those
 * reporting. The hubs come from the same find as the server-side status page's (`resolveHub`),
 * so `/` and the client views agree on the default: every collector with a health probe writes gauges.
 */
export function useSelectedHub(): { hub: string | null; hubs: string[]; isLoading: boolean; error: unknown } {
  const { params } = useViewParams();
  const { nodes, isLoading, error } = useFind(DISCOVERY, HUBS_REFRESH_MS);
  const hubs = useMemo(() => (nodes === undefined ? [] : hubsFromFind(nodes)), [nodes]);
  return { hub: chooseHub(hubs, params.hub), hubs, isLoading, error };
}
