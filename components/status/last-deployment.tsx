import { VerdictBadge } from '@/components/impact/verdict-badge';
import type { StatusResponse } from '@/lib/api/status';
import { formatUtcDateTime } from '@/lib/status/plain-language';
import styles from './status.module.css';

/** The morning's change at a glance: the last deployment and whether it made things worse. */
export function LastDeployment({ deployment }: { deployment: StatusResponse['lastDeployment'] }) {
  if (deployment === null) return null;
  return (
    <section className={styles.section} aria-labelledby="last-deployment-title" data-testid="last-deployment">
      <h2 id="last-deployment-title">Last deployment</h2>
      <p>
        <a href={`/deployments/${deployment.id}`}>{deployment.what}</a>
        {deployment.version ? ` (${deployment.version})` : ''}, at {formatUtcDateTime(deployment.when)}:{' '}
        <VerdictBadge verdict={deployment.verdict} />
      </p>
    </section>
  );
}
