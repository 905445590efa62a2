import { MEASURE_IDS, type MeasureId } from '@/lib/shared/measure-ids';

/**
 * The eight measures of a deployment's impact (README, "Deployment impact"). Each is normalised by its traffic,
 * so that twice the students is not a regression; for every one of them a higher value is worse.
 * Their ids sit in lib/shared/ because the configuration's `impact` section names them too.
 */
export { MEASURE_IDS, type MeasureId };

/** The measures whose data decide between `no_change` and `not_enough_data` for the deployment. */
export const SPAWN_MEASURES: readonly MeasureId[] = ['spawnFailureRate', 'spawnWaitP50', 'spawnWaitP95'];

/** `ratio`: a share 0..1; `ms`: a duration; `per_server_hour`: events per running server-hour. */
export const MEASURE_UNITS = ['ratio', 'ms', 'per_server_hour'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** What `samples` counts, as a person would say it ("needs 12 more server starts"). */
export const SAMPLE_UNITS = ['server starts', 'start attempts', 'requests', 'server-hours', 'logins'] as const;
export type SampleUnit = (typeof SAMPLE_UNITS)[number];

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
