/**
 * The words of a judgement, apart from the statistics that reach them, so that browser code
 * (badges, the impact page's schema) can use them without loading the tests' libraries.
 */
export const MEASURE_VERDICTS = ['worse', 'better', 'no_change', 'not_enough_data'] as const;
export type MeasureVerdict = (typeof MEASURE_VERDICTS)[number];

/** What drove a verdict: the window before plus last week's same window, or the window before alone. */
export const COMPARISONS = ['before_and_last_week', 'before_only'] as const;
export type ComparisonKind = (typeof COMPARISONS)[number];
