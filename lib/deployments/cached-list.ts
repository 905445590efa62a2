import { listBetween } from './store';
import type { Deployment } from './types';

/**
 * The status page's read of a hub's deployments. It used to be one graphite-web events call per
 * hub and range, cached for a StatsD flush; it is now one indexed query of the records database
 * (well under a millisecond: bench/records.ts), so it is not cached: a deployment written through
 * another instance sharing the PostgreSQL shows at once.
 */

/** A hub's deployments and restarts in [from, until] (epoch seconds, whole minutes around), newest first. */
export async function cachedDeployments(hub: string, from: number, until: number): Promise<Deployment[]> {
  return listBetween(hub, Math.floor(from / 60) * 60, Math.ceil(until / 60) * 60);
}
