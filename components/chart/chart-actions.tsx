import { type ChartRequest, exploreHref, exportHref } from '@/lib/explore/explore-link';
import styles from './chart-actions.module.css';

/**
 * Under every chart: open its exact query in /explore (a link, so it opens in a new tab) and
 * download its numbers. The export asks for every stored point of the same targets and range.
 */
export function ChartActions({ request, title }: { request: ChartRequest; title: string }) {
  // A quantile panel's numbers are computed in the browser: the export has what they come from.
  const what = request.transform ? ' (histogram bins)' : '';
  return (
    <p className={styles.actions} data-testid="chart-actions">
      <a href={exploreHref(request)} target="_blank" rel="noopener" aria-label={`Open ${title} in explore (new tab)`}>
        Open in explore
      </a>
      <a href={exportHref(request, 'csv')} download aria-label={`Export ${title}${what} as CSV`}>
        CSV{what}
      </a>
      <a href={exportHref(request, 'json')} download aria-label={`Export ${title}${what} as JSON`}>
        JSON{what}
      </a>
    </p>
  );
}
