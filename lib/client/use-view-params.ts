'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseViewParams, type ViewParamName, type ViewParams, withParams } from './view-params';

export type ParamChanges = Partial<Record<ViewParamName | 'target', string | readonly string[] | null>>;

/**
 * The view's state, read from the URL, and the one way to change it. Range changes push a
 * history entry (Back undoes a zoom); refresh/hub/kiosk replace the current one.
 */
export function useViewParams(): {
  params: ViewParams;
  search: string;
  update: (changes: ParamChanges, mode?: 'push' | 'replace') => void;
} {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const search = searchParams.toString();
  const params = useMemo(() => parseViewParams(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (changes: ParamChanges, mode: 'push' | 'replace' = 'push') => {
      const qs = withParams(search, changes);
      const href = qs ? `${pathname}?${qs}` : pathname;
      if (mode === 'push') router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [router, pathname, search],
  );
  return { params, search, update };
}
