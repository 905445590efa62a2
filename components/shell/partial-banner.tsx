'use client';

import useSWR from 'swr';
import { formatClock } from '@/lib/charts/format';
import { fetchJson } from '@/lib/client/api-fetch';
import { backendSchema, partialMessage } from '@/lib/shared/backend';

/** About one StatsD flush: an outage shows up within a refresh, and so does the recovery. */
export const BACKEND_REFRESH_MS = 10_000;

/**
 * One line on every view while the metrics backend answers with part of its data only: a
 * storage node of the cluster is unreachable (or just back), or, without configured nodes, a
 * query suddenly lost series ("may be partial"). Reads /api/backend; says nothing when that fails
 * (the stale banner and the panels already say the backend is unreachable).
 */
export function PartialBanner() {
  const { data } = useSWR('hubwatch:backend', () => fetchJson('/api/backend', backendSchema), {
    refreshInterval: BACKEND_REFRESH_MS,
    revalidateOnFocus: true,
    keepPreviousData: false,
  });
  const message = data === undefined ? null : partialMessage(data, (at) => formatClock(at));
  if (message === null || data === undefined) return null;
  return (
    <div
      className="stale-banner partial-banner"
      role="status"
      data-testid="partial-banner"
      data-partial={data.partial ? 'true' : 'suspected'}
    >
      <strong>{data.partial ? 'Partial data:' : 'Possibly partial data:'}</strong> {message}.
    </div>
  );
}
