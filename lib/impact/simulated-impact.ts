import { binName } from '@/lib/catalog';
import { DEFAULT_IMPACT_CONFIG } from '@/lib/config/impact';
import type { Deployment } from '@/lib/deployments/types';
import type { RenderQuery } from '@/lib/graphite/types';
import { getImpact } from '@/lib/impact/get-impact';
import type { ImpactResponse } from '@/lib/impact/schema';
import type { HistogramBin } from '@/lib/stats/histogram-quantile';
import type { SeriesLike } from '@/lib/stats/series';

/**
 * The real judge on windows described by their counts, for the property tests of the measures:
 * only Graphite is replaced, by the series it answers to the impact targets (one summarized point
 * per window, named by the target's alias). Every measure is present in both windows, so Holm's
 * correction runs over all eight as it does on a real hub.
 */

export const SIMULATED_WHEN = 1_795_600_800;
export const SIMULATED_WINDOW = 7200;

/** One window as the impact render answers it: alias -> value. */
export type WindowValues = Record<string, number>;

/** A window of ordinary, unchanging traffic: the other measures' before and after are equal. */
export function steadyTraffic(spawnWait: readonly HistogramBin[], requestLatency: readonly HistogramBin[]): WindowValues {
  const starts = spawnWait.reduce((sum, bin) => sum + bin.count, 0);
  const values: WindowValues = {
    spawnSuccess: starts,
    spawnFailed: 2,
    turnedAway: 1,
    requests: 5000,
    status5xx: 5,
    spawn5xx: 0,
    crashes: 1,
    runningSum: 40 * 720,
    runningPoints: 720,
    runningSlots: 720,
    loginSuccess: 70,
    loginFailure: 3,
  };
  for (const bin of spawnWait) values[`spawns.duration.${binName(bin.upperBound)}`] = bin.count;
  for (const bin of requestLatency) values[`requests.duration.${binName(bin.upperBound)}`] = bin.count;
  return values;
}

const deployment: Deployment = {
  id: 1,
  when: SIMULATED_WHEN,
  hub: 'physics',
  what: 'simulated deployment',
  version: null,
  commit: null,
  author: null,
  link: null,
  source: 'api',
  kind: 'deploy',
};

/** The impact of a deployment between `before` and `after`; last week has no data (a new hub). */
export async function simulatedImpact(before: WindowValues, after: WindowValues): Promise<ImpactResponse> {
  const render = async (query: RenderQuery): Promise<SeriesLike[]> => {
    const start = Number(query.from) + 1;
    if (start < SIMULATED_WHEN - SIMULATED_WINDOW) return [];
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return names.map((target) => ({
      target,
      datapoints: [
        [before[target] ?? null, start],
        [after[target] ?? null, start + SIMULATED_WINDOW],
      ],
    }));
  };
  return getImpact(deployment, {
    windowSeconds: SIMULATED_WINDOW,
    now: SIMULATED_WHEN + 10 * SIMULATED_WINDOW,
    render,
    config: DEFAULT_IMPACT_CONFIG,
  });
}
