import { LRUCache } from 'lru-cache';
import type { StatusResponse } from '@/lib/api/status';
import { lastKnownBackend } from '@/lib/graphite/backend-state';
import { isRelativeTime, resolveTime } from '@/lib/time-range';
import { withCurrentBackend } from './bridged-status';
import { getStatus, resolveHub } from './get-status';

/**
 * The status of a hub is the same for everyone for the seconds between two StatsD flushes, so
 * it is computed once per request (hub, from, until as written) every TTL and shared, with the
 * work in flight, by every viewer: when a lecture starts and a class opens `/` at once, the
 * hub's numbers are worked out once every two seconds, not once per student.
 *
 * Stale while Graphite lags: a viewer waits at most WAIT_FOR_FRESH_MS for a new status. When
 * Graphite is slow or saturated the last status is answered instead, with the time it was
 * computed, so the page can say it is stale; a failed recomputation keeps the last one.
 */
const WAIT_FOR_FRESH_MS = 800;
const LIVE_TTL_MS = 2_000;
const FIXED_TTL_MS = 60_000;
// Which hubs report changes when a collector starts: a minute is soon enough, and saves a find per view.
const HUBS_TTL_MS = 60_000;

export type StatusRequest = { hub?: string; from: string; until: string };
export type CachedStatus = { status: StatusResponse; computedAt: number };
/** `late`: a new status was being computed but did not arrive in time, or failed (`error`). */
export type ServedStatus = CachedStatus & { late: boolean; error?: unknown };

async function compute(request: StatusRequest): Promise<CachedStatus> {
  const now = Math.floor(Date.now() / 1000);
  const hub = await cachedHub(request.hub);
  const live = isRelativeTime(request.until);
  const status = await getStatus({ hub, from: resolveTime(request.from, now), until: resolveTime(request.until, now), live, now });
  return { status, computedAt: now };
}

// A status is a few KB to some tens of KB (90 uptime days, incidents): counted by its JSON, as
// parsed objects take about twice their text, and bounded as a whole besides the count of entries.
const STATUS_CACHE_BYTES = 16 * 1024 * 1024;
const statusBytes = (entry: CachedStatus) => 2 * JSON.stringify(entry.status).length;

const statuses = new LRUCache<string, CachedStatus, StatusRequest>({
  max: 500,
  maxSize: STATUS_CACHE_BYTES,
  sizeCalculation: (entry) => Math.max(1, statusBytes(entry)),
  fetchMethod: (_key, _stale, { context }) => compute(context),
  // Expired statuses stay, to be answered while a new one is late (see above).
  noDeleteOnStaleGet: true,
  // A failed recomputation keeps the last status (answered as late, below).
  noDeleteOnFetchRejection: true,
  // A status pushed out while being computed is still answered to those waiting for it.
  ignoreFetchAbort: true,
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

/**
 * The status for a request, when it was computed, and whether it is the last one standing in for a
 * late one; judged with the storage nodes as known now (bridged-status.ts), since a status from
 * the cache may be from before a node went away.
 */
export async function cachedStatusWithAge(request: StatusRequest): Promise<ServedStatus> {
  const served = await fromCache(request);
  return { ...served, status: withCurrentBackend(served.status, lastKnownBackend()) };
}

async function fromCache(request: StatusRequest): Promise<ServedStatus> {
  const key = JSON.stringify([request.hub ?? null, request.from, request.until]);
  const ttl = isRelativeTime(request.until) ? LIVE_TTL_MS : FIXED_TTL_MS;
  const last = statuses.peek(key, { allowStale: true });
  const fresh = statuses.fetch(key, { context: request, ttl, allowStale: false });
  if (last === undefined) return { ...orThrow(await fresh), late: false };
  const current = statuses.peek(key);
  if (current !== undefined) return { ...current, late: false };
  // The recomputation goes on in the background and replaces `last` when it is done.
  const settled = fresh.then(
    (found): ServedStatus => ({ ...orThrow(found), late: false }),
    (error: unknown): ServedStatus => ({ ...last, late: true, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ServedStatus>((resolve) => {
    timer = setTimeout(() => resolve({ ...last, late: true }), WAIT_FOR_FRESH_MS);
  });
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

function orThrow(found: CachedStatus | undefined): CachedStatus {
  if (found === undefined) throw new Error('the status computation was dropped');
  return found;
}

/**
 * For /api/status: a failure is answered as the failure (a script should know Graphite is down);
 * only a late answer is bridged with the last status.
 */
export async function cachedStatus(request: StatusRequest): Promise<StatusResponse> {
  const served = await cachedStatusWithAge(request);
  if (served.error !== undefined) throw served.error;
  return served.status;
}
