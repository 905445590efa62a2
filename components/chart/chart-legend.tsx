import { formatDuration, formatValue, type ValueUnit } from '@/lib/charts/format';
import type { Consolidation, LegendStats } from '@/lib/charts/legend-stats';

export interface LegendRow {
  name: string;
  color: string;
  stats: LegendStats;
}

export interface ChartLegendProps {
  rows: readonly LegendRow[];
  unit: ValueUnit;
  consolidation: Consolidation | null;
}

/** Series names are React text here, so a metric called `<script>` shows as those characters. */
export function ChartLegend({ rows, unit, consolidation }: ChartLegendProps) {
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
              <td>{formatValue(row.stats.min, unit)}</td>
              <td>{formatValue(row.stats.max, unit)}</td>
              <td>{formatValue(row.stats.avg, unit)}</td>
              <td>{formatValue(row.stats.last, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {consolidation ? (
        <p className="legend-note" data-testid="consolidation-note">
          Consolidated: each point is the average of {consolidation.factor} stored points (
          {formatDuration(consolidation.stepSeconds)} per point instead of{' '}
          {formatDuration(consolidation.nativeStepSeconds)}); min and max are of those averages.
        </p>
      ) : null}
    </div>
  );
}
