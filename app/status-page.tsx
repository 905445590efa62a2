import { StaleBanner } from '@/components/shell/stale-banner';
import { AutoRefresh } from '@/components/status/auto-refresh';
import { IncidentList } from '@/components/status/incident-list';
import { LastDeployment } from '@/components/status/last-deployment';
import styles from '@/components/status/status.module.css';
import { rangePhrase } from '@/components/status/status-format';
import { StatusTiles } from '@/components/status/status-tiles';
import { UptimeBars } from '@/components/status/uptime-bars';
import { VerdictBanner } from '@/components/status/verdict-banner';
import { getConfig } from '@/lib/config';
import { REFRESH_INTERVAL_MS, type ViewParams } from '@/lib/shared/view-params';
import type { PageStatus } from '@/lib/status/load-page-status';
import { isRelativeTime } from '@/lib/time-range';

export interface StatusPageProps {
  params: ViewParams;
  data: PageStatus;
}

/** The range and hub follow the reader to /errors. */
function viewQuery(params: ViewParams, hub: string): string {
  const query = new URLSearchParams({ from: params.from, until: params.until, hub });
  if (params.kiosk) query.set('kiosk', '1');
  return query.toString();
}

/** Server component: no chart code, so the verdict and tiles are in the first HTML. */
export function StatusPage({ params, data }: StatusPageProps) {
  const refresh = <AutoRefresh intervalMs={REFRESH_INTERVAL_MS[params.refresh]} />;
  if (data.kind === 'error') {
    return (
      <div className={styles.page}>
        {refresh}
        <StaleBanner />
        <section className={styles.verdict} data-testid="verdict" data-verdict="Unknown">
          <h1 className={styles.verdictTitle}>Status unknown</h1>
          <p className={styles.verdictReason} data-testid="verdict-reason">
            The status cannot be shown: {data.problem}.
          </p>
        </section>
      </div>
    );
  }
  const { status, now } = data;
  const live = isRelativeTime(params.until);
  const query = viewQuery(params, status.hub.name);
  return (
    <div className={styles.page}>
      {refresh}
      <StaleBanner pageReport={data.kind === 'stale' ? { message: data.problem, fetchedAt: data.fetchedAt * 1000 } : null} />
      <VerdictBanner verdict={status.verdict} reason={status.reason} hub={status.hub.name} />
      <StatusTiles
        status={status}
        rangeText={rangePhrase(status.range.from, status.range.until, live)}
        errorsHref={`/errors?${query}`}
        live={live}
      />
      <LastDeployment deployment={status.lastDeployment} />
      <UptimeBars uptime={status.uptime} />
      <IncidentList
        incidents={status.incidents}
        lookbackDays={getConfig().status.incidentLookbackDays}
        until={live ? now : status.range.until}
        live={live}
      />
    </div>
  );
}
