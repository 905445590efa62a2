import { z } from 'zod';
import { deploymentSchema } from '@/lib/deployments/schema';
import { MEASURE_IDS, MEASURE_UNITS, SAMPLE_UNITS } from '@/lib/impact/measures';
import { COMPARISONS, MEASURE_VERDICTS } from '@/lib/impact/verdicts';

/** GET /api/deployments/<id>/impact (docs/deployment-impact.md): shared by the route, the page and the tests. */

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
