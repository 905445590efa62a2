import type { HistoryPlan } from './course-history';

/**
 * The demo's fortnight: three deployments at 13:00 UTC, six days ago (nothing changes), two days
 * ago (server starts 2.5 times slower, 15% of them failing: Worse) and yesterday (nothing more
 * changes). Day-anchored, so a demo started again the same day writes the same deployments (the
 * backfill records each once), and fourteen days reach the week-earlier windows of the oldest one.
 */
export const DEMO_DAYS = 14;

export function demoPlan(nowMs: number, options: { seed?: number; version?: string; students?: number; tag?: string } = {}): HistoryPlan {
  const DAY = 86_400_000;
  const today = Math.floor(nowMs / DAY) * DAY;
  const at = (daysAgo: number) => today - daysAgo * DAY + 13 * 3_600_000;
  const version = options.version ?? '6.1.1';
  return {
    seed: options.seed ?? 18,
    version,
    fromMs: nowMs - DEMO_DAYS * DAY,
    untilMs: nowMs,
    students: options.students ?? 120,
    tag: options.tag ?? 'hist',
    deployments: [
      { atMs: at(6), spawner: 'fault_spawner.FaultSpawner-1.1' },
      { atMs: at(2), spawner: 'fault_spawner.FaultSpawner-1.2', slower: 2.5, failMore: 0.15 },
      { atMs: at(1), authenticator: `jupyterhub.auth.DummyAuthenticator-${version}.post1` },
    ],
  };
}
