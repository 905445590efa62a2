import type { ComparisonKind } from '@/lib/impact/verdicts';

/** Windows judged for a measure, by name, as the impact's `window` object names them. */
export interface WindowCoverage {
  before: number | null;
  after: number | null;
  baselineBefore: number | null;
  baselineAfter: number | null;
}

export interface ExposureCoverage extends WindowCoverage {
  /** True when a window the comparison used was reported for less than PARTIAL_BELOW of it. */
  partial: boolean;
  /** A sentence for the page when partial ("Running servers were reported for ..."), else null. */
  note: string | null;
}

/**
 * Below this share of a window's points the exposure is called partial. Not 1: the after window of
 * a deployment still running ends at the clock, and its last flush or two have not arrived yet.
 */
export const PARTIAL_BELOW = 0.95;

const WINDOW_WORDS: Record<keyof WindowCoverage, string> = {
  before: 'the window before',
  after: 'the window after',
  baselineBefore: 'last week’s window before',
  baselineAfter: 'last week’s window after',
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * How much of each window the `servers.running` gauge covered, for the crash rate's server-hours
 * (counted over the points that exist, never the mean stretched over the whole window). The
 * windows judged are before and after, and last week's after when the comparison used it.
 */
export function exposureCoverage(coverage: WindowCoverage, comparison: ComparisonKind): ExposureCoverage {
  const judged: (keyof WindowCoverage)[] =
    comparison === 'before_and_last_week' ? ['before', 'after', 'baselineAfter'] : ['before', 'after'];
  const short = judged.filter((name) => {
    const share = coverage[name];
    return share !== null && share < PARTIAL_BELOW;
  });
  if (short.length === 0) return { ...coverage, partial: false, note: null };
  const parts = short.map((name) => `${percent(coverage[name] ?? 0)} of ${WINDOW_WORDS[name]}`);
  return {
    ...coverage,
    partial: true,
    note: `Running servers were reported for only ${parts.join(' and ')}: server-hours are counted over the time reported, not the whole window.`,
  };
}
