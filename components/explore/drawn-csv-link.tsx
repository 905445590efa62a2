'use client';

import { exportTable, toCsv } from '@/lib/explore/export-table';
import type { Series } from '@/lib/explore/series';

export interface DrawnCsvLinkProps {
  series: readonly Series[];
  /** The legend's names, one per series: the CSV's column names. */
  names: readonly string[];
  range: { from: number; until: number };
}

/**
 * A CSV of what is drawn, built in the browser: for lines drawn as quantiles, the numbers the
 * legend shows exist only here (the export API returns Graphite's series, i.e. the bins). Same
 * table and CSV rules as `GET /api/export`.
 */
export function DrawnCsvLink({ series, names, range }: DrawnCsvLinkProps) {
  const download = () => {
    const named = series.map((s, i) => ({ ...s, target: names[i] ?? s.target }));
    const blob = new Blob([toCsv(exportTable(named))], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `hubwatch-drawn-${range.from}-${range.until}.csv`;
    a.click();
    // The click has started the download; the object URL is not needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" onClick={download} data-testid="explore-export-drawn-csv">
      CSV of the drawn series
    </button>
  );
}
