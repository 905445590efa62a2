import { HUB_DISCOVERY_QUERY } from '@/lib/catalog';
import { chooseHub, hubsFromFind } from '@/lib/client/hubs';
import { backendStatus } from '@/lib/graphite/backend-state';
import { cachedRender, renderCacheKey } from '@/lib/graphite/cached-render';
import { getGraphiteClient } from '@/lib/graphite/client';
import { getNodeMonitor } from '@/lib/graphite/node-probe';
import { computeStatus, UPTIME_DAYS } from '@/lib/status/compute-status';
import { getThresholds } from '@/lib/status/load-thresholds';
import { finestStart, renderWindow } from '@/lib/status/render-times';
import type { StatusResponse } from '@/lib/status/schema';
import { countTargets, stateTargets, uptimeTargets } from '@/lib/status/targets';

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
  const thresholds = getThresholds();
  const length = until - from;
  const window = (start: number, end: number) => renderWindow(start, end, live, now);
  const verdictFrom = until - (thresholds.windowMinutes + thresholds.noDataDownMinutes) * 60;
  const stateFrom = finestStart(until - thresholds.incidentLookbackDays * DAY, verdictFrom, now);
  const queries = [
    { targets: countTargets(hub), ...window(from, until) },
    { targets: countTargets(hub), ...window(from - length, from) },
    { targets: stateTargets(hub), ...window(stateFrom, until) },
    { targets: uptimeTargets(hub), ...window(until - UPTIME_DAYS * DAY, until) },
  ];
  // The storage nodes are probed while the renders run; the backend is judged after them.
  const probing = getNodeMonitor().check();
  const [current = [], previous = [], state = [], uptime = []] = await Promise.all(queries.map((q) => cachedRender(q)));
  await probing;
  const backend = await backendStatus(queries.map(renderCacheKey));
  return computeStatus({ hub, from, until, now, current, previous, state, uptime, backend }, thresholds);
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
