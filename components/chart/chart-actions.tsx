import { type ChartRequest, exploreHref, exportHref } from '@/lib/explore/explore-link';
import styles from './chart-actions.module.css';

/**
 * Under every chart: open its exact query in /explore (a link, so it opens in a new tab) and
 * download its numbers. The export asks for every stored point of the same targets and range.
 */
export function ChartActions({ request, title }: { request: ChartRequest; title: string }) {
  // A quantile panel's numbers are computed in the browser: the export has what they come from.
  const what = request.transform ? ' (histogram bins)' : '';
  // Each name starts with the link's visible text, so a speech user who says what they see hits it
  // (WCAG 2.5.3); the chart's title after it tells the links of many charts apart.
  return (
    <p className={styles.actions} data-testid="chart-actions">
      <a href={exploreHref(request)} target="_blank" rel="noopener" aria-label={`Open in explore: ${title} (new tab)`}>
        Open in explore
      </a>
      <a href={exportHref(request, 'csv')} download aria-label={`CSV${what} of ${title}`}>
        CSV{what}
      </a>
      <a href={exportHref(request, 'json')} download aria-label={`JSON${what} of ${title}`}>
        JSON{what}
      </a>
    </p>
  );
}
