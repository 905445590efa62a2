import { type Archive, STATSD_ARCHIVES } from '@/lib/catalog';

/**
 * Whisper retention of what StatsD writes, as configured (lib/catalog/layout.ts, which the stack's
 * storage-schemas.conf is generated from). Graphite answers a range from the finest archive that
 * still covers its start, so the step we should see without consolidation follows from how far back
 * the range starts. This is the fallback for a Graphite whose answer does not say it (see storedStepSeconds).
 */
export const RETENTION_ARCHIVES: readonly Archive[] = STATSD_ARCHIVES;

export function nativeStepSeconds(fromSeconds: number, nowSeconds: number, archives = RETENTION_ARCHIVES): number {
  const age = nowSeconds - fromSeconds;
  for (const archive of archives) {
    if (age <= archive.keepSeconds) return archive.stepSeconds;
  }
  const coarsest = archives[archives.length - 1];
  return coarsest ? coarsest.stepSeconds : 10;
}

/** Seconds between consecutive points of a series, or null when it has fewer than two. */
export function seriesStepSeconds(datapoints: ReadonlyArray<readonly [number | null, number]>): number | null {
  const first = datapoints[0];
  const second = datapoints[1];
  if (!first || !second) return null;
  return second[1] - first[1];
}

/**
 * The stored step of a range, preferring what Graphite answered over the configured layout.
 * Graphite consolidates by a whole number of stored points, so every answered step is a multiple
 * of the stored one. A step finer than the configured one, or one that is not a multiple of it,
 * means this Graphite keeps other retentions (any real cluster may): the finest step answered is
 * then the best knowledge of the stored step. Otherwise the configured step stands.
 */
export function storedStepSeconds(
  steps: readonly number[],
  fromSeconds: number,
  nowSeconds: number,
  archives = RETENTION_ARCHIVES,
): number {
  const configured = nativeStepSeconds(fromSeconds, nowSeconds, archives);
  const answered = steps.filter((s) => Number.isFinite(s) && s > 0);
  if (answered.length === 0) return configured;
  const finest = Math.min(...answered);
  const agrees = answered.every((s) => s >= configured && s % configured === 0);
  return agrees ? configured : finest;
}
