import { formatDuration, formatValue, type ValueUnit } from '@/lib/charts/format';
import type { Consolidation as Detected, LegendStats } from '@/lib/charts/legend-stats';

export interface ExploreLegendRow {
  name: string;
  color: string;
  unit: ValueUnit;
  stats: LegendStats;
  total: number | null;
}

export interface ExploreLegendProps {
  rows: readonly ExploreLegendRow[];
  consolidation: Detected | null;
  /** What each consolidated point is: `average` unless consolidateBy chose otherwise. */
  consolidatedBy: string;
}

const PLURAL: Record<string, string> = { average: 'averages', sum: 'sums', min: 'minimums', max: 'maximums', last: 'last values' };

/** min/max/avg/last/total per series, and whether Graphite consolidated the points. Names are React text. */
export function ExploreLegend({ rows, consolidation, consolidatedBy }: ExploreLegendProps) {
  return (
    <div className="legend">
      <table>
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">min</th>
            <th scope="col">max</th>
            <th scope="col">avg</th>
            <th scope="col">last</th>
            <th scope="col">total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two series may share a display name
            <tr key={i}>
              <th scope="row">
                <span className="legend-swatch" style={{ background: row.color }} aria-hidden="true" />
                <span className="legend-name">{row.name}</span>
              </th>
              <td>{formatValue(row.stats.min, row.unit)}</td>
              <td>{formatValue(row.stats.max, row.unit)}</td>
              <td>{formatValue(row.stats.avg, row.unit)}</td>
              <td>{formatValue(row.stats.last, row.unit)}</td>
              <td>{formatValue(row.total, row.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {consolidation ? (
        <p className="legend-note" data-testid="consolidation-note">
          Consolidated: each point is the {consolidatedBy} of {consolidation.factor} stored points (
          {formatDuration(consolidation.stepSeconds)} per point instead of {formatDuration(consolidation.nativeStepSeconds)}); min,
          max and total are of those {PLURAL[consolidatedBy] ?? 'values'}. Choose “Consolidate by” to change it, or export
          the stored points.
        </p>
      ) : null}
    </div>
  );
}

/** Sum of the drawn values (what a counter's points add up to over the range). */
export function seriesTotal(datapoints: ReadonlyArray<readonly [number | null, number]>): number | null {
  let total = 0;
  let any = false;
  for (const [v] of datapoints) {
    if (v === null || !Number.isFinite(v)) continue;
    total += v;
    any = true;
  }
  return any ? total : null;
}
