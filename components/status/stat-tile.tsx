import type { ReactNode } from 'react';
import styles from './status.module.css';

export interface StatTileProps {
  id: string;
  title: string;
  children: ReactNode;
  footnote?: ReactNode;
}

export function StatTile({ id, title, children, footnote }: StatTileProps) {
  return (
    <section className={styles.tile} data-testid={`tile-${id}`} aria-labelledby={`tile-${id}-title`}>
      <h2 id={`tile-${id}-title`} className={styles.tileTitle}>
        {title}
      </h2>
      <div className={styles.tileBody}>{children}</div>
      {footnote ? <p className={styles.tileFootnote}>{footnote}</p> : null}
    </section>
  );
}

/** One number with its label; `testId` lets e2e tests read the exact figure. */
export function Figure({ value, label, testId }: { value: string; label: string; testId: string }) {
  return (
    <p className={styles.figure}>
      <span className={styles.figureValue} data-testid={testId}>
        {value}
      </span>{' '}
      <span className={styles.figureLabel}>{label}</span>
    </p>
  );
}
