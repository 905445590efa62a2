import type { GraphiteHealth, Health } from '@/lib/api/health';
import { getConfig } from '@/lib/config';
import { backendOffers } from '@/lib/graphite/backend-offers';
import { backendStatus } from '@/lib/graphite/backend-state';
import { getRenderCache } from '@/lib/graphite/cached-render';
import { getGraphiteClient } from '@/lib/graphite/client';
import { checkRecords } from '@/lib/records/records-health';
import { toApiError } from './route';

// The answer's shape is the health API's contract (lib/api/health.ts).
export type { GraphiteHealth, Health } from '@/lib/api/health';

// A find of the top level is about the cheapest request graphite-web answers from its own data.
const PROBE_QUERY = '*';

let inFlight: Promise<GraphiteHealth> | undefined;

/** Concurrent health checks share one probe, so polling /api/health hard cannot load Graphite. */
export function probeGraphite(): Promise<GraphiteHealth> {
  inFlight ??= probeOnce().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

async function probeOnce(): Promise<GraphiteHealth> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await getGraphiteClient().find(PROBE_QUERY, { timeoutMs: getConfig().graphite.healthTimeoutMs });
    return { reachable: true, latencyMs: elapsed() };
  } catch (error) {
    const { code, message } = toApiError(error);
    return { reachable: false, latencyMs: elapsed(), error: { code, message } };
  }
}

/** The dashboard answers (or this would not run); Graphite, or part of it, may or may not. */
export async function checkHealth(): Promise<Health> {
  const [graphite, backend, offers, records] = await Promise.all([
    probeGraphite(),
    backendStatus(),
    backendOffers(undefined, { stale: true }),
    checkRecords(),
  ]);
  return {
    status: graphite.reachable && !backend.partial && records.reachable ? 'ok' : 'degraded',
    dashboard: { up: true, uptimeSeconds: Math.round(process.uptime()) },
    graphite,
    backend,
    offers,
    records,
    renders: getRenderCache().stats(),
  };
}
