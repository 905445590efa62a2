import { ScrollRegion } from '@/components/shell/scroll-region';
import { formatDuration, formatValue, type ValueUnit } from '@/lib/charts/format';
import type { Consolidation, LegendStats } from '@/lib/charts/legend-stats';

export interface LegendRow {
  name: string;
  color: string;
  stats: LegendStats;
  /** This row's unit when it differs from the legend's (a series on explore's right axis). */
  unit?: ValueUnit;
  /** Sum of the drawn values; the column is shown when any row has one (explore). */
  total?: number | null;
}

export interface ChartLegendProps {
  /** Names the legend's region: which chart's numbers these are. */
  label: string;
  rows: readonly LegendRow[];
  unit: ValueUnit;
  consolidation: Consolidation | null;
  /** What each consolidated point is: Graphite's `average` unless consolidateBy chose otherwise. */
  consolidatedBy?: string;
  /** Said after the consolidation note (explore: how to change it). */
  consolidationHint?: string;
}

const PLURAL: Record<string, string> = { average: 'averages', sum: 'sums', min: 'minimums', max: 'maximums', last: 'last values' };

/**
 * min/max/avg/last (and total) per series, and whether Graphite consolidated the points. Series
 * names are React text here, so a metric called `<script>` shows as those characters.
 */
export function ChartLegend({ label, rows, unit, consolidation, consolidatedBy = 'average', consolidationHint }: ChartLegendProps) {
  const withTotal = rows.some((row) => row.total !== undefined);
  return (
    <ScrollRegion className="legend" label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">min</th>
            <th scope="col">max</th>
            <th scope="col">avg</th>
            <th scope="col">last</th>
            {withTotal ? <th scope="col">total</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const rowUnit = row.unit ?? unit;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: two series may share a display name
              <tr key={i}>
                <th scope="row">
                  <span className="legend-swatch" style={{ background: row.color }} aria-hidden="true" />
                  <span className="legend-name">{row.name}</span>
                </th>
                <td>{formatValue(row.stats.min, rowUnit)}</td>
                <td>{formatValue(row.stats.max, rowUnit)}</td>
                <td>{formatValue(row.stats.avg, rowUnit)}</td>
                <td>{formatValue(row.stats.last, rowUnit)}</td>
                {withTotal ? <td>{formatValue(row.total ?? null, rowUnit)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {consolidation ? (
        <p className="legend-note" data-testid="consolidation-note">
          Consolidated: each point is the {consolidatedBy} of {consolidation.factor} stored points (
          {formatDuration(consolidation.stepSeconds, 'short')} per point instead of{' '}
          {formatDuration(consolidation.nativeStepSeconds, 'short')}); {withTotal ? 'min, max and total' : 'min and max'} are of those{' '}
          {PLURAL[consolidatedBy] ?? 'values'}.{consolidationHint ? ` ${consolidationHint}` : null}
        </p>
      ) : null}
    </ScrollRegion>
  );
}
