import type { StatusResponse } from '@/lib/status/schema';
import styles from './status.module.css';
import { incidentWhen } from './status-format';

export interface IncidentListProps {
  incidents: StatusResponse['incidents'];
  lookbackDays: number;
  now: number;
}

/** Periods when the verdict was not Operational, newest first. */
export function IncidentList({ incidents, lookbackDays, now }: IncidentListProps) {
  return (
    <section className={styles.section} aria-labelledby="incidents-title" data-testid="incidents">
      <h2 id="incidents-title">Recent incidents</h2>
      {incidents.length === 0 ? (
        <p>No incidents in the last {lookbackDays} days.</p>
      ) : (
        <ul className={styles.incidents}>
          {incidents.map((incident) => (
            <li key={`${incident.start}-${incident.cause}`} data-verdict={incident.verdict} data-testid="incident">
              <span className={`${styles.badge} ${styles[`badge${incident.verdict}`] ?? ''}`}>{incident.verdict}</span>{' '}
              <span className={styles.incidentWhen}>{incidentWhen(incident.start, incident.end, now)}</span>
              <span className={styles.incidentReason}>{incident.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
