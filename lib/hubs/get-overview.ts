import { getConfig } from '@/lib/config';
import { backendStatus } from '@/lib/graphite/backend-state';
import { cachedRender, renderCacheKey } from '@/lib/graphite/cached-render';
import { getNodeMonitor } from '@/lib/graphite/node-probe';
import { renderWindow } from '@/lib/graphite/render-times';
import { type HubsOverview, hubsOverview, OVERVIEW_POINTS, OVERVIEW_SECONDS, overviewTargets } from './overview';

/** One render for every hub (cached and coalesced like all renders), judged like /api/status. */
export async function getHubsOverview(now = Math.floor(Date.now() / 1000)): Promise<HubsOverview> {
  const query = { targets: overviewTargets(), ...renderWindow(now - OVERVIEW_SECONDS, now, true, now), maxDataPoints: OVERVIEW_POINTS };
  const probing = getNodeMonitor().check();
  const series = await cachedRender(query);
  await probing;
  return hubsOverview(series, now, getConfig().status, await backendStatus([renderCacheKey(query)]));
}
