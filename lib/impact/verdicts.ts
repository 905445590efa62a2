/**
 * The words of a judgement, apart from the statistics that reach them, so that browser code
 * (badges, the impact page's schema) can use them without loading the tests' libraries.
 */
export { COMPARISONS, type ComparisonKind, MEASURE_VERDICTS, type MeasureVerdict } from '@/lib/api/impact';
