'use client';

import { useSearchParams } from 'next/navigation';
import { useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { type RawViewParams, type ViewParamName, type ViewParams, viewParsers, withRefreshDefault } from '@/lib/shared/view-params';

export type ParamChanges = Partial<{ [K in ViewParamName]: RawViewParams[K] | null }>;

/**
 * The view's state, read from the URL, and the one way to change it. Range changes push a
 * history entry (Back undoes a zoom); refresh/hub/kiosk replace the current one when asked.
 * Not shallow: server pages (`/`, `/errors`) compute from the URL, so a change re-renders them.
 */
export function useViewParams(): {
  params: ViewParams;
  search: string;
  update: (changes: ParamChanges, mode?: 'push' | 'replace') => void;
} {
  const [raw, setRaw] = useQueryStates(viewParsers, { shallow: false, scroll: false });
  const search = useSearchParams().toString();
  const { from, until, hub, refresh, kiosk } = raw;
  const params = useMemo(() => withRefreshDefault({ from, until, hub, refresh, kiosk }), [from, until, hub, refresh, kiosk]);
  const update = useCallback(
    (changes: ParamChanges, mode: 'push' | 'replace' = 'push') => {
      void setRaw(changes, { history: mode });
    },
    [setRaw],
  );
  return { params, search, update };
}
