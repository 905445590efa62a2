/**
 * Holm's step-down correction for testing several hypotheses at once (R's
 * `p.adjust(p, "holm")`): the i-th smallest of m p-values is multiplied by m - i + 1, the
 * results are made non-decreasing in that order and capped at 1. Nulls (nothing was tested)
 * stay null and do not count in m, as R does with NA.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues.map((p, index) => ({ p, index })).filter((entry): entry is { p: number; index: number } => entry.p !== null);
  for (const { p } of tested) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`holmAdjust: ${p} is not a p-value`);
  }
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  [...tested]
    .sort((x, y) => x.p - y.p)
    .forEach(({ p, index }, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * p));
      adjusted[index] = running;
    });
  return adjusted;
}
