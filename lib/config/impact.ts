import { z } from 'zod';
import { MEASURE_IDS, type MeasureId } from '@/lib/shared/measure-ids';

/**
 * The `impact` section of hubwatch.config.json. A measure's verdict needs a change that is both
 * significant (Holm-adjusted p below `alpha`) and large enough to matter: at least `minAbsolute`
 * (in the measure's unit) and at least `minRelative` of the before value (skipped when the before
 * value is 0, so a zero-error baseline can still be worse). `minSamples` in each window is what a
 * `no_change` needs; below it the measure is `not_enough_data`.
 */
export interface MeasureThresholds {
  minAbsolute: number;
  minRelative: number;
  minSamples: number;
}

export const DEFAULT_MEASURE_THRESHOLDS: Record<MeasureId, MeasureThresholds> = {
  spawnFailureRate: { minAbsolute: 0.02, minRelative: 0.25, minSamples: 20 },
  spawnWaitP50: { minAbsolute: 1000, minRelative: 0.2, minSamples: 20 },
  spawnWaitP95: { minAbsolute: 2000, minRelative: 0.2, minSamples: 20 },
  throttledShare: { minAbsolute: 0.02, minRelative: 0.25, minSamples: 20 },
  hub5xxRate: { minAbsolute: 0.002, minRelative: 0.25, minSamples: 200 },
  requestLatencyP95: { minAbsolute: 50, minRelative: 0.2, minSamples: 200 },
  crashRate: { minAbsolute: 0.05, minRelative: 0.25, minSamples: 5 },
  failedLoginShare: { minAbsolute: 0.05, minRelative: 0.25, minSamples: 20 },
};

function measureSchema(defaults: MeasureThresholds) {
  return z
    .object({
      minAbsolute: z.number().min(0).default(defaults.minAbsolute),
      minRelative: z.number().min(0).max(100).default(defaults.minRelative),
      minSamples: z.number().min(1).default(defaults.minSamples),
    })
    .strict()
    .default(defaults);
}

const measuresShape = Object.fromEntries(MEASURE_IDS.map((id) => [id, measureSchema(DEFAULT_MEASURE_THRESHOLDS[id])])) as {
  [K in MeasureId]: ReturnType<typeof measureSchema>;
};

/** Unknown fields are refused, so a typo does not silently keep a default. */
export const impactConfigSchema = z
  .object({
    /** Significance level of the Holm-adjusted p-values. */
    alpha: z.number().gt(0).lt(1).default(0.05),
    measures: z.object(measuresShape).strict().default(DEFAULT_MEASURE_THRESHOLDS),
  })
  .strict();

export type ImpactConfig = z.infer<typeof impactConfigSchema>;

export const DEFAULT_IMPACT_CONFIG: ImpactConfig = impactConfigSchema.parse({});
