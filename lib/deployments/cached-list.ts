import { LRUCache } from 'lru-cache';
import { listDeployments } from './store';
import type { Deployment } from './types';

/**
 * The status page asks for a hub's deployments on every view: one events call per hub and
 * range per cache period (about one StatsD flush), shared by the callers in flight, as renders are.
 */
const TTL_MS = 10_000;

const lists = new LRUCache<string, Deployment[], { hub: string; from: number; until: number }>({
  max: 200,
  ttl: TTL_MS,
  fetchMethod: (_key, _stale, { context }) =>
    listDeployments({ hub: context.hub, from: String(context.from), until: String(context.until) }),
});

/** A hub's deployments and restarts in [from, until] (epoch seconds, bucketed to the minute), newest first. */
export async function cachedDeployments(hub: string, from: number, until: number): Promise<Deployment[]> {
  // Whole minutes: the status of every second of a minute shares one entry.
  const range = { hub, from: Math.floor(from / 60) * 60, until: Math.ceil(until / 60) * 60 };
  return (await lists.fetch(JSON.stringify(range), { context: range })) ?? [];
}
