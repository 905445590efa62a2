import { counterPath, SPAWN_FAILURE_REASONS, spawnFailureKey, timerPath } from '@/lib/catalog';

/** About this many buckets across each side of the overlay chart. */
const BUCKETS_PER_SIDE = 30;

/** Bucket width for an overlay of ±windowSeconds: whole minutes, at least one. */
export function overlayBucketSeconds(windowSeconds: number): number {
  return Math.max(60, Math.round(windowSeconds / BUCKETS_PER_SIDE / 60) * 60);
}

/** What the impact page overlays: the typical wait to start and the failed starts, per bucket. */
export function overlayTargets(hub: string, windowSeconds: number): { wait: string; failures: string } {
  const bucket = `${overlayBucketSeconds(windowSeconds)}s`;
  const failures = SPAWN_FAILURE_REASONS.map((reason) => counterPath(hub, spawnFailureKey(reason))).join(',');
  return {
    // The per-flush median averaged per bucket: a picture of the wait, not the measure itself
    // (the verdict uses quantiles of the summed histogram).
    wait: `summarize(${timerPath(hub, 'spawns.duration', 'median')},"${bucket}","avg",false)`,
    failures: `summarize(sumSeries(${failures}),"${bucket}","sum",false)`,
  };
}
