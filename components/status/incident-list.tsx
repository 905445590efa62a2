import type { StatusResponse } from '@/lib/api/status';
import styles from './status.module.css';
import { incidentWhen } from './status-format';

export interface IncidentListProps {
  incidents: StatusResponse['incidents'];
  lookbackDays: number;
  /** End of the range the incidents were computed up to, and whether that is now. */
  until: number;
  live: boolean;
}

/** Periods when the verdict was not Operational, newest first. */
export function IncidentList({ incidents, lookbackDays, until, live }: IncidentListProps) {
  return (
    <section className={styles.section} aria-labelledby="incidents-title" data-testid="incidents">
      <h2 id="incidents-title">Recent incidents</h2>
      {incidents.length === 0 ? (
        <p>
          No incidents in the {lookbackDays} days {live ? 'up to now' : 'before the end of the range'}.
        </p>
      ) : (
        <ul className={styles.incidents}>
          {incidents.map((incident) => (
            <li key={`${incident.start}-${incident.cause}`} data-verdict={incident.verdict} data-testid="incident">
              <span className={`${styles.badge} ${styles[`badge${incident.verdict}`] ?? ''}`}>{incident.verdict}</span>{' '}
              <span className={styles.incidentWhen}>{incidentWhen(incident.start, incident.end, until, live)}</span>
              <span className={styles.incidentReason}>
                {incident.reason}
                {incident.afterDeployment ? (
                  <>
                    {' '}
                    Began {incident.afterDeployment.minutesBefore} min after deployment{' '}
                    <a href={`/deployments/${incident.afterDeployment.id}`} data-testid="incident-deployment">
                      ‘{incident.afterDeployment.what}’
                    </a>
                    .
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
