import type { StatusResponse } from '@/lib/api/status';
import { HUB_DISCOVERY_QUERY } from '@/lib/catalog';
import { getConfig } from '@/lib/config';
import { cachedDeployments } from '@/lib/deployments/cached-list';
import type { Deployment } from '@/lib/deployments/types';
import { backendStatus } from '@/lib/graphite/backend-state';
import { cachedRender, renderCacheKey } from '@/lib/graphite/cached-render';
import { getGraphiteClient } from '@/lib/graphite/client';
import { getNodeMonitor } from '@/lib/graphite/node-probe';
import { finestStart, renderStart, renderWindow } from '@/lib/graphite/render-times';
import { getImpact } from '@/lib/impact/get-impact';
import { parseImpactWindow } from '@/lib/impact/windows';
import { chooseHub, hubsFromFind } from '@/lib/shared/hubs';
import { computeStatus, UPTIME_DAYS } from '@/lib/status/compute-status';
import { deploymentBefore, lastDeployment, SUSPECT_MINUTES } from '@/lib/status/deployment-context';
import { countTargets, stateTargets, summedTargets, uptimeTargets } from '@/lib/status/targets';

const DAY = 86_400;

export interface StatusQuery {
  hub: string;
  /** Epoch seconds, [from, until). */
  from: number;
  until: number;
  /** True when `until` moves with the clock (the range is sent to Graphite as offsets). */
  live: boolean;
  now: number;
}

/** Four renders (this range, the previous one, the verdict lookback, 90 days of health), in parallel. */
export async function getStatus(query: StatusQuery): Promise<StatusResponse> {
  const { hub, from, until, live, now } = query;
  const thresholds = getConfig().status;
  const length = until - from;
  const window = (start: number, end: number) => renderWindow(start, end, live, now);
  const verdictFrom = until - (thresholds.windowMinutes + thresholds.noDataDownMinutes) * 60;
  const stateFrom = finestStart(until - thresholds.incidentLookbackDays * DAY, verdictFrom, now);
  const queries = [
    countsQuery(hub, from, until, live, now),
    countsQuery(hub, from - length, from, live, now),
    { targets: stateTargets(hub), ...window(stateFrom, until) },
    { targets: uptimeTargets(hub), ...window(until - UPTIME_DAYS * DAY, until) },
  ] as const;
  // The storage nodes are probed while the renders run; the backend is judged after them.
  const probing = getNodeMonitor().check();
  const [current, previous, state, uptime, deployments] = await Promise.all([
    cachedRender(queries[0]),
    cachedRender(queries[1]),
    cachedRender(queries[2]),
    cachedRender(queries[3]),
    // Deployments only add context: without them the status is still the status.
    cachedDeployments(hub, Math.max(0, stateFrom - SUSPECT_MINUTES * 60), until).catch(() => []),
  ]);
  await probing;
  const backend = await backendStatus(queries.map(renderCacheKey));
  const status = computeStatus({ hub, from, until, now, current, previous, state, uptime, backend }, thresholds);
  return {
    ...status,
    incidents: status.incidents.map((incident) => ({ ...incident, afterDeployment: deploymentBefore(incident.start, deployments) })),
    lastDeployment: await judgedLast(lastDeployment(until, deployments), now),
  };
}

/**
 * The totals of [from, until) as one summed point per series (targets.ts). Graphite's render
 * includes the bucket that starts at `until`; asked to end a second earlier it stops at the last
 * bucket before it, so nothing of the next range is summed in (the local cut on bucket times
 * cannot split a sum afterwards).
 */
function countsQuery(hub: string, from: number, until: number, live: boolean, now: number) {
  const start = Math.max(0, renderStart(from, now));
  return { targets: summedTargets(countTargets(hub), until - start), ...renderWindow(from, until - 1, live, now) };
}

/** The last deployment with the verdict its impact page shows (the default window). */
async function judgedLast(deployment: Deployment | null, now: number): Promise<StatusResponse['lastDeployment']> {
  if (deployment === null) return null;
  const summary = { id: deployment.id, when: deployment.when, what: deployment.what, version: deployment.version };
  try {
    const impact = await getImpact(deployment, { windowSeconds: parseImpactWindow(undefined), now });
    return { ...summary, verdict: impact.verdict };
  } catch {
    return { ...summary, verdict: null };
  }
}

/**
 * The hub a request means: the one it names, else the only hub that reports, else "default".
 * Hubs are found from the gauges every collector with a health probe writes.
 */
export async function resolveHub(requested: string | undefined): Promise<string> {
  if (requested !== undefined) return requested;
  const nodes = await getGraphiteClient().find(HUB_DISCOVERY_QUERY);
  return chooseHub(hubsFromFind(nodes), null) ?? 'default';
}
