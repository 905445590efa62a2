import type { Metadata } from 'next';
import Link from 'next/link';
import { AutoRefresh } from '@/components/status/auto-refresh';
import { isGraphiteError } from '@/lib/graphite/errors';
import { getHubsOverview } from '@/lib/hubs/get-overview';
import type { HubsOverview } from '@/lib/hubs/overview';
import { parseViewParams, REFRESH_INTERVAL_MS } from '@/lib/shared/view-params';
import styles from './hubs.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Hubs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(): Promise<HubsOverview | string> {
  try {
    return await getHubsOverview();
  } catch (error) {
    if (!isGraphiteError(error)) console.error('[hubs page]', error);
    return isGraphiteError(error) && error.kind === 'timeout'
      ? 'the metrics backend did not answer in time'
      : 'the metrics backend is unreachable';
  }
}

/**
 * `/hubs`: every reporting hub, worst first, each linking to its status page. Rendered on the
 * server from one Graphite render for all hubs (lib/hubs/get-overview.ts).
 */
export default async function HubsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = parseViewParams(await searchParams);
  const data = await load();
  const refresh = <AutoRefresh intervalMs={REFRESH_INTERVAL_MS[params.refresh]} />;
  const link = (hub: string) => {
    const query = new URLSearchParams({ hub });
    if (params.kiosk) query.set('kiosk', '1');
    return `/?${query}`;
  };
  if (typeof data === 'string') {
    return (
      <main className={styles.page}>
        {refresh}
        <h1>Hubs</h1>
        <p role="status" data-testid="hubs-error">
          The hubs cannot be listed: {data}.
        </p>
      </main>
    );
  }
  return (
    <main className={styles.page}>
      {refresh}
      <h1>Hubs</h1>
      <p>
        {data.hubs.length === 0 ? 'No hub reports yet.' : `${data.hubs.length} reporting, worst first.`} Failed starts are counted over the
        last hour.
      </p>
      {data.hubs.length > 0 ? (
        <table className={styles.table} data-testid="hubs-table">
          <thead>
            <tr>
              <th scope="col">Hub</th>
              <th scope="col">Status</th>
              <th scope="col" className={styles.num}>
                Running servers
              </th>
              <th scope="col" className={styles.num}>
                Failed starts (1 h)
              </th>
            </tr>
          </thead>
          <tbody>
            {data.hubs.map((row) => (
              <tr key={row.hub} data-testid="hub-row" data-hub={row.hub} data-verdict={row.verdict}>
                <th scope="row">
                  <Link href={link(row.hub)} prefetch={false}>
                    {row.hub}
                  </Link>
                </th>
                <td>
                  <strong className={styles[row.verdict]}>{row.verdict}</strong> — {row.reason}
                </td>
                <td className={styles.num}>{row.running ?? '–'}</td>
                <td className={styles.num}>
                  {row.failedStarts} of {row.starts}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
