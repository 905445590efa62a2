import { formatCount } from '@/lib/charts/format';
import { ERROR_CATEGORIES, ERRORS_EXPLAINED, type ErrorCategory } from '@/lib/errors-explained';
import type { StatusResponse } from '@/lib/status/schema';
import styles from './errors.module.css';
import { formatChange, formatPercent } from './status-format';

export interface ErrorsTableProps {
  byCategory: StatusResponse['errors']['byCategory'];
  selected: ErrorCategory | null;
  onSelect: (category: ErrorCategory) => void;
}

/** Every category with its count, share, change, what the student saw and what to check. */
export function ErrorsTable({ byCategory, selected, onSelect }: ErrorsTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="errors-table">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col" className={styles.num}>
              Count
            </th>
            <th scope="col" className={styles.num}>
              Share
            </th>
            <th scope="col" className={styles.num}>
              vs previous
            </th>
            <th scope="col">What the student saw</th>
            <th scope="col">What to check</th>
          </tr>
        </thead>
        <tbody>
          {ERROR_CATEGORIES.map((category) => {
            const stats = byCategory[category];
            const info = ERRORS_EXPLAINED[category];
            return (
              <tr
                key={category}
                data-testid={`error-row-${category}`}
                aria-selected={selected === category}
                className={selected === category ? styles.selected : undefined}
              >
                <th scope="row">
                  <button type="button" className={styles.categoryButton} onClick={() => onSelect(category)}>
                    {info.label}
                  </button>
                  <code className={styles.keys}>{info.keys}</code>
                </th>
                <td className={styles.num} data-testid={`error-count-${category}`}>
                  {formatCount(stats.count)}
                </td>
                <td className={styles.num}>{formatPercent(stats.share, 0)}</td>
                <td className={styles.num} title={`${formatCount(stats.previous)} in the previous range`}>
                  {formatChange(stats.changePercent, stats.count)}
                </td>
                <td className={styles.saw}>{info.studentSaw}</td>
                <td className={styles.check}>{info.operatorCheck}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Hub responses by status code, as Graphite names them (shown as text, whatever they contain). */
export function StatusCodeList({ byStatus }: { byStatus: Record<string, number> }) {
  const entries = Object.entries(byStatus).sort((a, b) => a[0].localeCompare(b[0]));
  if (entries.length === 0) return <p>No hub requests counted in this range.</p>;
  return (
    <ul className={styles.codes} data-testid="status-codes">
      {entries.map(([code, count]) => (
        <li key={code}>
          <span className={styles.code}>{code}</span> {formatCount(count)}
        </li>
      ))}
    </ul>
  );
}
