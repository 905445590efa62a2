import { formatClock } from '@/lib/charts/format';
import { plainErrorMessage } from '@/lib/client/api-fetch';

export interface PanelBadgesProps {
  /** Data is shown but the latest refresh failed. */
  isStale: boolean;
  error: unknown;
  /** Epoch ms of the answer shown. */
  fetchedAt: number | null | undefined;
  /** Epoch seconds of the last point when the hub has gone quiet, else null. */
  silence: number | null;
}

/** A chart's header notes: stale data kept on screen, and a hub that stopped reporting. */
export function PanelBadges({ isStale, error, fetchedAt, silence }: PanelBadgesProps) {
  return (
    <>
      {isStale ? (
        <p className="panel-badge panel-badge-stale" role="status">
          Stale: {plainErrorMessage(error)}
          {fetchedAt ? `; showing data fetched at ${formatClock(fetchedAt / 1000)}` : ''}
        </p>
      ) : null}
      {silence !== null ? (
        <p className="panel-badge panel-badge-silent" role="status">
          No data from this hub since {formatClock(silence)}
        </p>
      ) : null}
    </>
  );
}
