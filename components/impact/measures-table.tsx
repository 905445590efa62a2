import { formatValue } from '@/lib/charts/format';
import { formatP } from '@/lib/impact/format';
import { MEASURE_IDS } from '@/lib/impact/measures';
import type { ImpactResponse, MeasureResult } from '@/lib/impact/schema';
import { VerdictBadge } from './verdict-badge';

function changeText(m: MeasureResult): string {
  if (m.change === null) return '–';
  const sign = m.change > 0 ? '+' : m.change < 0 ? '−' : '±';
  const absolute = formatValue(Math.abs(m.change), m.unit);
  const relative = m.relativeChange === null ? '' : ` (${m.relativeChange > 0 ? '+' : ''}${(m.relativeChange * 100).toFixed(0)} %)`;
  return `${sign}${absolute}${relative}`;
}

/**
 * Every measure of an impact: before, after, last week's same windows, the change, the p-value
 * after Holm's correction and the verdict, with the reason in words. The numbers shown are the
 * ones the verdict was reached on.
 */
export function MeasuresTable({ impact }: { impact: ImpactResponse }) {
  return (
    <div className="table-scroll">
      <table className="measures-table" data-testid="measures-table">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Last week, before</th>
            <th scope="col">Last week, after</th>
            <th scope="col">Change</th>
            <th scope="col">p (Holm)</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {MEASURE_IDS.map((id) => {
            const m = impact.measures[id];
            return (
              <tr key={id} data-testid={`measure-${id}`} data-verdict={m.verdict}>
                <th scope="row">
                  {m.label}
                  <span className="measure-reason">{m.reason}</span>
                </th>
                <td>{formatValue(m.before, m.unit)}</td>
                <td>{formatValue(m.after, m.unit)}</td>
                <td>{formatValue(m.baselineBefore, m.unit)}</td>
                <td>{formatValue(m.baselineAfter, m.unit)}</td>
                <td>{changeText(m)}</td>
                <td>{formatP(m.pValue)}</td>
                <td>
                  <VerdictBadge verdict={m.verdict} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
