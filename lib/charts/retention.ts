/**
 * Whisper retention of the stack (`10s:1d,1m:7d,10m:1y`, stack/carbon/storage-schemas.conf). Graphite answers a
 * range from the finest archive that still covers its start, so the step we should see without
 * consolidation follows from how far back the range starts.
 */
export const RETENTION_ARCHIVES: ReadonlyArray<{ stepSeconds: number; keepSeconds: number }> = [
  { stepSeconds: 10, keepSeconds: 86_400 },
  { stepSeconds: 60, keepSeconds: 7 * 86_400 },
  { stepSeconds: 600, keepSeconds: 365 * 86_400 },
];

export function nativeStepSeconds(fromSeconds: number, nowSeconds: number): number {
  const age = nowSeconds - fromSeconds;
  for (const archive of RETENTION_ARCHIVES) {
    if (age <= archive.keepSeconds) return archive.stepSeconds;
  }
  const coarsest = RETENTION_ARCHIVES[RETENTION_ARCHIVES.length - 1];
  return coarsest ? coarsest.stepSeconds : 10;
}

/** Seconds between consecutive points of a series, or null when it has fewer than two. */
export function seriesStepSeconds(datapoints: ReadonlyArray<readonly [number | null, number]>): number | null {
  const first = datapoints[0];
  const second = datapoints[1];
  if (!first || !second) return null;
  return second[1] - first[1];
}
