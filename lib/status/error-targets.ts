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
    const family = counterFamilyPattern(hub, source.family, source.glob);
    // sumSeries skips missing points (diffSeries would return the subtrahend where the first series
    // has none). A point below 0, where the answer landed a flush before its failure was counted,
    // is dropped; the table clamps the range total instead, so the two can differ by such a point.
    path =
      source.minus === undefined
        ? `sumSeries(${family})`
        : `removeBelowValue(sumSeries(${family},scale(${counterPath(hub, source.minus)},-1)),0)`;
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
