import { z } from 'zod';
import { deploymentSchema } from './deployments';

/**
 * `GET /api/deployments/<id>/impact?window=2h`: did this deployment make things better or worse
 * for students (docs/deployment-impact.md). The measures' and verdicts' vocabularies are defined
 * here, with the answer that carries them; lib/impact computes them.
 */

/** The eight measures; for every one of them a higher value is worse. */
export const MEASURE_IDS = [
  'spawnFailureRate',
  'spawnWaitP50',
  'spawnWaitP95',
  'throttledShare',
  'hub5xxRate',
  'requestLatencyP95',
  'crashRate',
  'failedLoginShare',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** `ratio`: a share 0..1; `ms`: a duration; `per_server_hour`: events per running server-hour. */
export const MEASURE_UNITS = ['ratio', 'ms', 'per_server_hour'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** What `samples` counts, as a person would say it ("needs 12 more server starts"). */
export const SAMPLE_UNITS = ['server starts', 'start attempts', 'requests', 'server-hours', 'logins'] as const;
export type SampleUnit = (typeof SAMPLE_UNITS)[number];

export const MEASURE_VERDICTS = ['worse', 'better', 'no_change', 'not_enough_data'] as const;
export type MeasureVerdict = (typeof MEASURE_VERDICTS)[number];

/** What drove a verdict: the window before plus last week's same window, or the window before alone. */
export const COMPARISONS = ['before_and_last_week', 'before_only'] as const;
export type ComparisonKind = (typeof COMPARISONS)[number];

const nullableNumber = z.number().nullable();
const windowSchema = z.object({ from: z.number().int(), until: z.number().int() });
const share = z.number().min(0).max(1).nullable();

export const measureResultSchema = z.object({
  before: nullableNumber,
  after: nullableNumber,
  baselineBefore: nullableNumber,
  baselineAfter: nullableNumber,
  /** after - before; null when either is missing. */
  change: nullableNumber,
  /** (after - before) / before; null when before is 0 or missing (never Infinity or NaN). */
  relativeChange: nullableNumber,
  /** Holm-adjusted across the measures that could be tested; null when this one could not be. */
  pValue: z.number().min(0).max(1).nullable(),
  verdict: z.enum(MEASURE_VERDICTS),
  samples: z.object({ before: z.number(), after: z.number() }),
  // Beyond the fields: what a reader needs to trust the verdict.
  label: z.string(),
  unit: z.enum(MEASURE_UNITS),
  sampleUnit: z.enum(SAMPLE_UNITS),
  baselineSamples: z.object({ before: z.number(), after: z.number() }),
  /** Unadjusted two-sided p-values of the two comparisons (after vs before, after vs last week's after). */
  tests: z.object({ vsBefore: z.number().nullable(), vsLastWeek: z.number().nullable() }),
  comparison: z.enum(COMPARISONS),
  minimumEffect: z.object({ absolute: z.number(), relative: z.number() }),
  minSamples: z.number(),
  /** More samples each window needs before a `no_change` can be said; only with not_enough_data. */
  needed: z.object({ before: z.number(), after: z.number() }).nullable(),
  reason: z.string(),
  /**
   * Only for a measure whose exposure integrates a gauge (crashRate: `servers.running`): the share
   * of each window's points at which the gauge reported (null: never reported), whether a judged
   * window was covered only in part, and the sentence that says so (also at the end of `reason`).
   * Null for the other measures.
   */
  coverage: z
    .object({
      before: share,
      after: share,
      baselineBefore: share,
      baselineAfter: share,
      partial: z.boolean(),
      note: z.string().nullable(),
    })
    .nullable(),
});

export const impactResponseSchema = z.object({
  deployment: deploymentSchema,
  window: z.object({
    /** Length of each window in seconds (the `window` parameter). */
    seconds: z.number().int(),
    before: windowSchema,
    after: windowSchema,
    baselineBefore: windowSchema,
    baselineAfter: windowSchema,
  }),
  partial: z.boolean(),
  verdict: z.enum(MEASURE_VERDICTS),
  /** False for a restart (kind `restart`): shown lighter, never blamed as a deployment. */
  judged: z.boolean(),
  comparison: z.enum(COMPARISONS),
  reason: z.string(),
  measures: z.object(
    Object.fromEntries(MEASURE_IDS.map((id) => [id, measureResultSchema])) as {
      [K in (typeof MEASURE_IDS)[number]]: typeof measureResultSchema;
    },
  ),
});

export type MeasureResult = z.infer<typeof measureResultSchema>;
export type ImpactResponse = z.infer<typeof impactResponseSchema>;

export function impactUrl(id: number, window: string): string {
  return `/api/deployments/${id}/impact?${new URLSearchParams({ window }).toString()}`;
}
