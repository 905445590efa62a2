import { formatDuration } from '@/lib/charts/format';
import type { Thresholds } from '@/lib/config/status';
import { lastWindow, plural } from '@/lib/status/plain-language';

export const VERDICTS = ['Operational', 'Degraded', 'Down'] as const;
export type VerdictName = (typeof VERDICTS)[number];

/** Why the verdict is what it is; lets the UI and incidents group without parsing sentences. */
export const VERDICT_CAUSES = ['ok', 'no_health_data', 'health_failing', 'spawn_failures', 'slow_hub', 'partial_data'] as const;
export type VerdictCause = (typeof VERDICT_CAUSES)[number];

export interface Verdict {
  verdict: VerdictName;
  cause: VerdictCause;
  reason: string;
}

/** What the rules look at, at one moment `at` (epoch seconds). */
export interface VerdictSnapshot {
  at: number;
  /** Last health probe result (hub.up) at or before `at`, and when it was recorded. */
  lastUp: { value: number; at: number } | null;
  /** Start of the current run of failed probes, when the last probe failed. */
  downSince: number | null;
  /** Last probe latency (hub.health_ms) at or before `at`. */
  healthMs: number | null;
  /** Server starts in the window ending at `at`. */
  spawnsSucceeded: number;
  spawnsFailed: number;
}

export const VERDICT_RANK: Record<VerdictName, number> = { Operational: 0, Degraded: 1, Down: 2 };

/**
 * The rules, in order: Down when the health probe fails or has been silent too long; Degraded
 * when too many server starts failed or the hub answers slowly; otherwise Operational.
 * `windowText` completes "in ..." (e.g. "the last 15 minutes").
 */
export function decideVerdict(snapshot: VerdictSnapshot, thresholds: Thresholds, windowText?: string): Verdict {
  const window = windowText ?? lastWindow(thresholds.windowMinutes);
  const { lastUp } = snapshot;
  const silentFor = lastUp === null ? null : snapshot.at - lastUp.at;
  if (lastUp === null || (silentFor !== null && silentFor > thresholds.noDataDownMinutes * 60)) {
    return {
      verdict: 'Down',
      cause: 'no_health_data',
      reason:
        lastUp === null || silentFor === null
          ? 'No health check results have arrived from the hub.'
          : `No health check results have arrived from the hub for ${formatDuration(silentFor)}.`,
    };
  }
  if (lastUp.value < 1) {
    const since = snapshot.downSince ?? lastUp.at;
    const duration = snapshot.at - since;
    return {
      verdict: 'Down',
      cause: 'health_failing',
      reason:
        duration >= 60
          ? `The hub has not answered its health check for ${formatDuration(duration)}.`
          : 'The hub did not answer its last health check.',
    };
  }
  const attempts = snapshot.spawnsSucceeded + snapshot.spawnsFailed;
  if (
    snapshot.spawnsFailed >= thresholds.minFailedSpawns &&
    attempts > 0 &&
    snapshot.spawnsFailed / attempts > thresholds.spawnFailureRatio
  ) {
    return {
      verdict: 'Degraded',
      cause: 'spawn_failures',
      reason: `${snapshot.spawnsFailed} of ${plural(attempts, 'server start')} failed in ${window}.`,
    };
  }
  if (snapshot.healthMs !== null && snapshot.healthMs > thresholds.slowHealthMs) {
    return {
      verdict: 'Degraded',
      cause: 'slow_hub',
      reason: `The hub is answering slowly: its health check took ${(snapshot.healthMs / 1000).toFixed(1)} s (limit ${(thresholds.slowHealthMs / 1000).toFixed(1)} s).`,
    };
  }
  return {
    verdict: 'Operational',
    cause: 'ok',
    reason:
      attempts === 0
        ? `The hub is answering; no server starts in ${window}.`
        : snapshot.spawnsFailed === 0
          ? `All ${plural(attempts, 'server start')} in ${window} succeeded.`
          : `${snapshot.spawnsFailed} of ${plural(attempts, 'server start')} failed in ${window}, within the limit.`,
  };
}
