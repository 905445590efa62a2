'use client';

import { formatClock } from '@/lib/charts/format';
import { useBackend } from '@/lib/client/use-backend';
import { partialMessage } from '@/lib/shared/backend';

/**
 * One line on every view while the metrics backend answers with part of its data only: a
 * storage node of the cluster is unreachable (or just back), or, without configured nodes, a
 * query suddenly lost series ("may be partial"). Says nothing while that is unknown
 * (the stale banner and the panels already say the backend is unreachable).
 */
export function PartialBanner() {
  const data = useBackend();
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
