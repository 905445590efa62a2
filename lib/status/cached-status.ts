import { LRUCache } from 'lru-cache';
import { isRelativeTime, resolveTime } from '@/lib/time-range';
import { getStatus, resolveHub } from './get-status';
import type { StatusResponse } from './schema';

/**
 * The status of a hub is the same for everyone for the seconds between two StatsD flushes, so
 * it is computed once per (hub, resolved range) and shared, with the work in flight, by every
 * viewer: when a lecture starts and a class opens `/` at once, the hub's numbers are worked out
 * once a few seconds, not once per student. A live range is resolved to whole STEP_SECONDS, so
 * every request of those seconds asks the same question.
 */
const STEP_SECONDS = 2;
const LIVE_TTL_MS = 2_000;
const FIXED_TTL_MS = 60_000;
// Which hubs report changes when a collector starts: a minute is soon enough, and saves a find per view.
const HUBS_TTL_MS = 60_000;

export type StatusRequest = { hub?: string; from: string; until: string };

type Context = { hub: string; from: number; until: number; live: boolean; now: number };

const statuses = new LRUCache<string, StatusResponse, Context>({
  max: 500,
  fetchMethod: (_key, _stale, { context }) => getStatus(context),
});

const hubs = new LRUCache<string, string, string | undefined>({
  max: 1,
  ttl: HUBS_TTL_MS,
  fetchMethod: (_key, _stale, { context }) => resolveHub(context),
});

/** The hub a request means; the default one is looked up at most once a minute. */
export async function cachedHub(requested: string | undefined): Promise<string> {
  if (requested !== undefined) return requested;
  return (await hubs.fetch('default', { context: undefined })) ?? 'default';
}

/** The status for a request, shared with every identical request of the same few seconds. */
export async function cachedStatus(request: StatusRequest, nowMs = Date.now()): Promise<StatusResponse> {
  const live = isRelativeTime(request.until);
  const now = live ? Math.floor(nowMs / 1000 / STEP_SECONDS) * STEP_SECONDS : Math.floor(nowMs / 1000);
  const hub = await cachedHub(request.hub);
  const context: Context = { hub, from: resolveTime(request.from, now), until: resolveTime(request.until, now), live, now };
  const key = JSON.stringify([hub, context.from, context.until, live]);
  const status = await statuses.fetch(key, { context, ttl: live ? LIVE_TTL_MS : FIXED_TTL_MS });
  if (status === undefined) throw new Error('the status computation was dropped');
  return status;
}
