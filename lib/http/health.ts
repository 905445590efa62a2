import { getConfig } from '@/lib/config';
import { backendStatus } from '@/lib/graphite/backend-state';
import { getRenderCache, type RenderCacheStats } from '@/lib/graphite/cached-render';
import { getGraphiteClient } from '@/lib/graphite/client';
import type { BackendStatus } from '@/lib/shared/backend';
import { toApiError } from './route';

export type GraphiteHealth =
  | { reachable: true; latencyMs: number }
  | { reachable: false; latencyMs: number; error: { code: string; message: string } };

export type Health = {
  status: 'ok' | 'degraded';
  dashboard: { up: true; uptimeSeconds: number };
  graphite: GraphiteHealth;
  /** Each configured storage node's state, and whether answers are (or may be) partial. */
  backend: BackendStatus;
  renders: RenderCacheStats;
};

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
  const [graphite, backend] = await Promise.all([probeGraphite(), backendStatus()]);
  return {
    status: graphite.reachable && !backend.partial ? 'ok' : 'degraded',
    dashboard: { up: true, uptimeSeconds: Math.round(process.uptime()) },
    graphite,
    backend,
    renders: getRenderCache().stats(),
  };
}
