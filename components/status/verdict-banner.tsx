import type { VerdictName } from '@/lib/status/verdict';
import styles from './status.module.css';

const ICON: Record<VerdictName, string> = { Operational: '●', Degraded: '▲', Down: '■' };

export interface VerdictBannerProps {
  verdict: VerdictName;
  reason: string;
  hub: string;
}

/** The answer to "is the hub working?", first thing on the page, rendered on the server. */
export function VerdictBanner({ verdict, reason, hub }: VerdictBannerProps) {
  return (
    <section
      className={`${styles.verdict} ${styles[`verdict${verdict}`] ?? ''}`}
      data-testid="verdict"
      data-verdict={verdict}
      aria-labelledby="verdict-title"
    >
      <p className={styles.verdictHub}>JupyterHub “{hub}”</p>
      <h1 id="verdict-title" className={styles.verdictTitle}>
        <span aria-hidden="true" className={styles.verdictIcon}>
          {ICON[verdict]}
        </span>{' '}
        {verdict}
      </h1>
      <p className={styles.verdictReason} data-testid="verdict-reason">
        {reason}
      </p>
    </section>
  );
}
