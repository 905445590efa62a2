import Link from 'next/link';
import type { StatusResponse } from '@/lib/api/status';
import { formatCount } from '@/lib/charts/format';
import { ERROR_CATEGORIES, ERRORS_EXPLAINED } from '@/lib/errors-explained';
import { formatWait } from '@/lib/status/plain-language';
import { Figure, StatTile } from './stat-tile';
import styles from './status.module.css';

export interface StatusTilesProps {
  status: StatusResponse;
  /** "in the last hour", "between …": completes the tile titles. */
  rangeText: string;
  /** Query string that keeps the view's range and hub on the /errors link. */
  errorsHref: string;
  /** The range ends now (else gauges are read at its end). */
  live: boolean;
}

function topErrors(status: StatusResponse, n: number) {
  return ERROR_CATEGORIES.map((c) => ({ c, count: status.errors.byCategory[c].count }))
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, n);
}

/** The four numbers an instructor asks for; plain HTML so they are readable before any script runs. */
export function StatusTiles({ status, rangeText, errorsHref, live }: StatusTilesProps) {
  const { spawns } = status;
  const turnedAway = spawns.throttled + spawns.limited;
  const running = status.servers.running;
  const top = topErrors(status, 3);
  return (
    <div className={styles.tiles}>
      <StatTile
        id="running"
        title="Students with a running server"
        footnote={live ? "Now, from the hub's user list." : "At the end of the range, from the hub's user list."}
      >
        <Figure
          testId="running-servers"
          value={running === null ? '—' : formatCount(running)}
          label={running === null ? 'no data' : 'running'}
        />
      </StatTile>
      <StatTile id="starts" title={`Server starts ${rangeText}`}>
        <Figure testId="spawns-success" value={formatCount(spawns.success)} label="succeeded" />
        <Figure testId="spawns-failed" value={formatCount(spawns.failed)} label="failed" />
        <Figure testId="spawns-turned-away" value={formatCount(turnedAway)} label="turned away (too busy)" />
      </StatTile>
      <StatTile
        id="wait"
        title={`Typical wait to start ${rangeText}`}
        footnote={
          spawns.waitSeconds.samples > 0
            ? `From ${formatCount(spawns.waitSeconds.samples)} successful starts.`
            : 'No successful starts to measure.'
        }
      >
        <Figure testId="wait-p50" value={spawns.waitSeconds.p50 === null ? '—' : formatWait(spawns.waitSeconds.p50)} label="median" />
        <Figure
          testId="wait-p95"
          value={spawns.waitSeconds.p95 === null ? '—' : formatWait(spawns.waitSeconds.p95)}
          label="for 95 % of students"
        />
      </StatTile>
      <StatTile id="errors" title={`Errors students hit ${rangeText}`} footnote={<Link href={errorsHref}>What students saw →</Link>}>
        <Figure testId="errors-total" value={formatCount(status.errors.total)} label={status.errors.total === 1 ? 'error' : 'errors'} />
        {top.length > 0 ? (
          <ul className={styles.topErrors}>
            {top.map(({ c, count }) => (
              <li key={c} data-testid={`top-error-${c}`}>
                {ERRORS_EXPLAINED[c].label}: {formatCount(count)}
              </li>
            ))}
          </ul>
        ) : null}
      </StatTile>
    </div>
  );
}
