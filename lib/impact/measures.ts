/**
 * The eight measures of a deployment's impact (README, "Deployment impact"). Each is normalised by its traffic,
 * so that twice the students is not a regression; for every one of them a higher value is worse.
 * Their ids sit in lib/shared/ because the configuration's `impact` section names them too.
 */
import type { MeasureId, MeasureUnit, SampleUnit } from '@/lib/api/impact';

// The measures' vocabulary is part of the impact answer's contract (lib/api/impact.ts).
export { MEASURE_IDS, MEASURE_UNITS, type MeasureId, type MeasureUnit, SAMPLE_UNITS, type SampleUnit } from '@/lib/api/impact';

/** The measures whose data decide between `no_change` and `not_enough_data` for the deployment. */
export const SPAWN_MEASURES: readonly MeasureId[] = ['spawnFailureRate', 'spawnWaitP50', 'spawnWaitP95'];

export interface MeasureInfo {
  label: string;
  unit: MeasureUnit;
  sampleUnit: SampleUnit;
  /** Which test compares two windows (compareSamples in lib/impact/samples.ts). */
  test: 'fisher' | 'rate' | 'quantile';
}

export const MEASURES: Record<MeasureId, MeasureInfo> = {
  spawnFailureRate: { label: 'failed server starts', unit: 'ratio', sampleUnit: 'server starts', test: 'fisher' },
  spawnWaitP50: { label: 'median wait to start', unit: 'ms', sampleUnit: 'server starts', test: 'quantile' },
  spawnWaitP95: { label: '95th percentile wait to start', unit: 'ms', sampleUnit: 'server starts', test: 'quantile' },
  throttledShare: { label: 'starts turned away', unit: 'ratio', sampleUnit: 'start attempts', test: 'fisher' },
  hub5xxRate: { label: 'Hub 5xx per request', unit: 'ratio', sampleUnit: 'requests', test: 'fisher' },
  requestLatencyP95: { label: '95th percentile request latency', unit: 'ms', sampleUnit: 'requests', test: 'quantile' },
  crashRate: { label: 'server crashes per server-hour', unit: 'per_server_hour', sampleUnit: 'server-hours', test: 'rate' },
  failedLoginShare: { label: 'failed logins', unit: 'ratio', sampleUnit: 'logins', test: 'fisher' },
};
