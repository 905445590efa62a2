import { counterFamilyPattern, counterPath } from '@/lib/catalog';
import { ERROR_CATEGORIES, ERRORS_EXPLAINED, type ErrorCategory } from '@/lib/errors-explained';

/**
 * One Graphite target per error category for the stacked errors chart. Each is consolidated with
 * `sum` (Graphite averages by default when maxDataPoints shrinks a series, which would turn
 * counts into fractions) and aliased to the category id, so the chart knows which is which.
 */
export function errorTarget(hub: string, category: ErrorCategory): string {
  const source = ERRORS_EXPLAINED[category].source;
  let path: string;
  if (source.kind === 'counter') path = counterPath(hub, source.key);
  else {
    path = `sumSeries(${counterFamilyPattern(hub, source.family, source.glob)})`;
    // diffSeries with a missing subtrahend leaves the first series as it is; a point below 0
    // (never expected: both counts come from the same line) is dropped, as the table clamps it.
    if (source.minus !== undefined) path = `removeBelowValue(diffSeries(${path},${counterPath(hub, source.minus)}),0)`;
  }
  return `alias(consolidateBy(${path},'sum'),'${category}')`;
}

export function errorTargets(hub: string, only?: ErrorCategory | null): string[] {
  return (only ? [only] : ERROR_CATEGORIES).map((category) => errorTarget(hub, category));
}

export function isErrorCategory(value: string | null | undefined): value is ErrorCategory {
  return value !== null && value !== undefined && (ERROR_CATEGORIES as readonly string[]).includes(value);
}

type Points = readonly (readonly [number | null, number])[];

/**
 * The span in which a category happened, to narrow the view to it: from its first non-zero
 * bucket to the end of its last one. Null when it did not happen in the data.
 */
export function eventSpan(points: Points): { from: number; until: number } | null {
  let first: number | null = null;
  let last: number | null = null;
  for (const [value, ts] of points) {
    if (value === null || value <= 0) continue;
    first ??= ts;
    last = ts;
  }
  if (first === null || last === null) return null;
  const first1 = points[0];
  const second = points[1];
  const step = first1 && second ? second[1] - first1[1] : 10;
  return { from: first, until: last + step };
}
