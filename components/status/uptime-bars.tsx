import type { StatusResponse } from '@/lib/api/status';
import styles from './status.module.css';
import { formatPercent, uptimeLevel } from './status-format';

function dayTitle(day: StatusResponse['uptime']['days'][number]): string {
  if (day.imported) return `${day.day}: from imported logs (no health check then)`;
  if (day.upRatio === null) return `${day.day}: no health data`;
  const down = day.downMinutes > 0 ? `, down about ${day.downMinutes} min` : '';
  return `${day.day}: ${formatPercent(day.upRatio)} up${down}`;
}

/** One bar per day for 90 days, like a public status page; a day without data is grey. */
export function UptimeBars({ uptime }: { uptime: StatusResponse['uptime'] }) {
  const first = uptime.days[0]?.day;
  return (
    <section className={styles.section} aria-labelledby="uptime-title" data-testid="uptime">
      <div className={styles.sectionHeader}>
        <h2 id="uptime-title">Uptime, last {uptime.days.length} days</h2>
        <p data-testid="uptime-overall">{uptime.overall === null ? 'No health data yet' : `${formatPercent(uptime.overall)} up`}</p>
      </div>
      <ol className={styles.uptimeBars} aria-label="Daily uptime, oldest first">
        {uptime.days.map((day) => (
          <li
            key={day.day}
            className={`${styles.uptimeBar} ${styles[`uptime-${day.imported ? 'imported' : uptimeLevel(day.upRatio)}`] ?? ''}`}
            title={dayTitle(day)}
            data-level={day.imported ? 'imported' : uptimeLevel(day.upRatio)}
          >
            <span className={styles.visuallyHidden}>{dayTitle(day)}</span>
          </li>
        ))}
      </ol>
      <p className={styles.uptimeLegend}>
        <span>{first ?? ''}</span>
        <span>From the hub's health check, UTC days{uptime.days.some((d) => d.imported) ? '; striped: from imported logs' : ''}.</span>
        <span>Today</span>
      </p>
    </section>
  );
}
