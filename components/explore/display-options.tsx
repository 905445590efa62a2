import type { ValueUnit } from '@/lib/charts/format';
import type { ChartKind } from '@/lib/charts/time-series-option';
import {
  CONSOLIDATIONS,
  type Consolidation,
  type ExploreDisplay,
  KINDS,
  NULL_MODES,
  type NullMode,
  UNITS,
} from '@/lib/explore/explore-state';
import styles from './explore.module.css';

export interface DisplayOptionsProps {
  display: ExploreDisplay;
  hasRightAxis: boolean;
  onChange: (change: Partial<ExploreDisplay>) => void;
}

/** How the lines are drawn; every choice is a URL param. */
export function DisplayOptions({ display, hasRightAxis, onChange }: DisplayOptionsProps) {
  const unitSelect = (label: string, value: ValueUnit, set: (unit: ValueUnit) => void) => (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => set(UNITS.find((u) => u.value === e.currentTarget.value)?.value ?? 'none')}>
        {UNITS.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className={styles.display}>
      <legend>Display</legend>
      <label>
        Draw as{' '}
        <select
          value={display.kind}
          onChange={(e) => onChange({ kind: KINDS.find((k) => k.value === e.currentTarget.value)?.value ?? ('line' as ChartKind) })}
        >
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {unitSelect('Left axis unit', display.unit, (unit) => onChange({ unit }))}
      {hasRightAxis ? unitSelect('Right axis unit', display.rightUnit, (rightUnit) => onChange({ rightUnit })) : null}
      <label>
        Missing points as{' '}
        <select
          value={display.nulls}
          onChange={(e) => onChange({ nulls: NULL_MODES.find((m) => m.value === e.currentTarget.value)?.value ?? ('gap' as NullMode) })}
        >
          {NULL_MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Consolidate by{' '}
        <select
          data-testid="consolidate-by"
          value={display.consolidateBy ?? ''}
          onChange={(e) =>
            onChange({
              consolidateBy: CONSOLIDATIONS.find((c) => c.value === e.currentTarget.value)?.value ?? (null as Consolidation | null),
            })
          }
        >
          <option value="">Graphite's default (average)</option>
          {CONSOLIDATIONS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
