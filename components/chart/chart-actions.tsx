import { type ChartRequest, exploreHref, exportHref } from '@/lib/explore/explore-link';
import styles from './chart-actions.module.css';

/**
 * Under every chart: open its exact query in /explore (a link, so it opens in a new tab) and
 * download its numbers. The export asks for every stored point of the same targets and range.
 */
export function ChartActions({ request, title }: { request: ChartRequest; title: string }) {
  return (
    <p className={styles.actions} data-testid="chart-actions">
      <a href={exploreHref(request)} target="_blank" rel="noopener" aria-label={`Open ${title} in explore (new tab)`}>
        Open in explore
      </a>
      <a href={exportHref(request, 'csv')} download aria-label={`Export ${title} as CSV`}>
        CSV
      </a>
      <a href={exportHref(request, 'json')} download aria-label={`Export ${title} as JSON`}>
        JSON
      </a>
    </p>
  );
}
