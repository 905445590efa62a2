'use client';

import { chooseHub } from '@/lib/shared/hubs';
import { useHubs } from './use-hubs';
import { useViewParams } from './use-view-params';

/** The hub every panel of a view shows: the URL's `hub`, else the default choice among those reporting. */
export function useSelectedHub(): { hub: string | null; hubs: string[]; isLoading: boolean; error: unknown } {
  const { params } = useViewParams();
  const { hubs, isLoading, error } = useHubs();
  return { hub: chooseHub(hubs, params.hub), hubs, isLoading, error };
}
