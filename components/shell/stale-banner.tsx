'use client';

import { formatClock } from '@/lib/charts/format';
import { useStaleReports } from '@/lib/client/stale-context';

/** One line for the whole page when panels are showing kept data because refreshes fail. */
export function StaleBanner() {
  const reports = useStaleReports();
  if (reports.length === 0) return null;
  const messages = [...new Set(reports.map((r) => r.message))];
  const oldest = reports.reduce<number | null>(
    (min, r) => (r.fetchedAt !== null && (min === null || r.fetchedAt < min) ? r.fetchedAt : min),
    null,
  );
  return (
    <div className="stale-banner" role="status" data-testid="stale-banner">
      <strong>Showing stale data:</strong> {messages.join('; ')}.
      {oldest !== null ? ` Last good data fetched at ${formatClock(oldest / 1000)}.` : ''} Retrying on the next
      refresh.
    </div>
  );
}
