'use client';

import { type StaleReport, useStaleReports } from '@/lib/client/stale-context';
import { formatUtcTime } from '@/lib/status/plain-language';

export interface StaleBannerProps {
  /**
   * The page's own staleness when its numbers were computed on the server from a kept answer:
   * shown in the first HTML, together with the panels that report in the browser.
   */
  pageReport?: StaleReport | null;
}

/**
 * The one stale banner of a page: one line when data on it is kept from an earlier answer because
 * refreshes fail. Each view renders it once, so server-computed and browser panels share it.
 */
export function StaleBanner({ pageReport = null }: StaleBannerProps) {
  const reports = [...(pageReport ? [pageReport] : []), ...useStaleReports()];
  if (reports.length === 0) return null;
  const messages = [...new Set(reports.map((r) => r.message))];
  const oldest = reports.reduce<number | null>(
    (min, r) => (r.fetchedAt !== null && (min === null || r.fetchedAt < min) ? r.fetchedAt : min),
    null,
  );
  return (
    <div className="stale-banner" role="status" data-testid="stale-banner">
      <strong>Stale:</strong> {messages.join('; ')}.
      {oldest !== null ? ` Showing data fetched at ${formatUtcTime(Math.floor(oldest / 1000))}.` : ''} Retrying on the next refresh.
    </div>
  );
}
