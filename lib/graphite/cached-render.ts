import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { getConfig } from '@/lib/config';
import { isRelativeTime, normaliseTime, resolveTime } from '@/lib/time-range';
import { type GraphiteClient, getGraphiteClient } from './client';
import { GraphiteError, type GraphiteErrorKind } from './errors';
import { createGate, type Gate, type GateOptions, type RenderLane } from './render-gate';
import { getDropTracker } from './series-drop';
import type { RenderQuery, Series } from './types';

/**
 * Coalescing + a short cache in front of `client.render`, so that when 500 people open the same
 * page Graphite sees one request per distinct query per cache period, not 500.
 * - identical renders in flight share one upstream request (always, even with the cache off);
 * - a finished render is kept `relativeTtlMs` (~ one StatsD flush) when its range moves with the
 *   clock or ends near now, `absoluteTtlMs` when it is a fixed range that ended in the past;
 * - failures are never cached; entries and the memory they really hold are bounded.
 * Results are shared between callers: treat the returned series as read-only.
 */

export type RenderCacheOptions = {
  client: GraphiteClient;
  enabled: boolean;
  relativeTtlMs: number;
  absoluteTtlMs: number;
  maxEntries: number;
  maxBytes?: number;
  now?: () => number;
  /** Bounds on renders in flight per lane (render-gate.ts); unbounded when left out. */
  gates?: Record<RenderLane, GateOptions>;
};

export type RenderCacheStats = {
  /** Renders sent to graphite-web. */
  upstream: number;
  /** Answered from a finished cache entry. */
  hits: number;
  /** Joined a render already in flight. */
  coalesced: number;
  entries: number;
  /** Memory the entries hold, as counted against the bound (bytes, gzip and parsed series). */
  bytes: number;
};

/** A finished render: what the server's fast path writes (lib/http/render-fast-path.ts). */
export type CachedRender = {
  series: Series[];
  /** graphite-web's render JSON as UTF-8 (Infinity kept as 1e9999). */
  body: Uint8Array<ArrayBuffer>;
  /** The same bytes gzipped, for browsers; compressed once per entry, not once per response. */
  gzipped: Uint8Array;
  /** What the entry holds in memory, counted against `maxBytes`. */
  size: number;
};

/**
 * Why a render failed, as plain data. Next compiles lib/ into one module instance per runtime
 * layer (route handlers, pages, instrumentation), and all of them share the one cache of the
 * process; a failure crosses between them as data and each caller rethrows it as its own
 * GraphiteError, so `instanceof` never has to work across instances.
 */
type RenderFailure = { kind: GraphiteErrorKind; message: string; status?: number; reason?: string; limitBytes?: number };
export type RenderOutcome = { ok: true; render: CachedRender } | { ok: false; failure: RenderFailure };

// Carbon and StatsD may still write into the last minute; only older ranges are final.
const SETTLE_MS = 60_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** No one entry holds more than this share of the cache. */
const MAX_ENTRY_SHARE = 4;
// Measured on Node 20 (JSON.parse of render JSON): a [value, time] pair costs about 72 bytes of
// heap, more than twice its JSON text; a series adds its target, tags and array headers.
const BYTES_PER_POINT = 72;
const BYTES_PER_SERIES = 256;

/** Canonical key: the same render written differently (`now-5m` vs `-5min`) shares an entry. */
export function renderCacheKey(query: RenderQuery): string {
  return JSON.stringify([query.targets, normaliseTime(query.from), normaliseTime(query.until), query.maxDataPoints ?? null]);
}

function seriesBytes(series: readonly Series[]): number {
  let total = 0;
  for (const one of series) total += BYTES_PER_SERIES + 2 * one.target.length + BYTES_PER_POINT * one.datapoints.length;
  return total;
}

function toCachedRender(series: Series[], body: Uint8Array<ArrayBuffer>, keep: boolean): CachedRender {
  // Only a render that is kept is compressed: with the cache off nothing would ever reuse it.
  const gzipped = keep ? gzipSync(body) : new Uint8Array();
  return { series, body, gzipped, size: body.byteLength + gzipped.byteLength + seriesBytes(series) };
}

function asFailure(error: unknown): RenderFailure {
  if (error instanceof GraphiteError) {
    return { kind: error.kind, message: error.message, status: error.status, reason: error.reason, limitBytes: error.limitBytes };
  }
  return { kind: 'upstream', message: 'the render failed unexpectedly' };
}

function isFailure(value: unknown): value is RenderFailure {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

export function createRenderCache(options: RenderCacheOptions) {
  const now = options.now ?? Date.now;
  const stats = { upstream: 0, hits: 0, coalesced: 0 };

  function ttlFor(query: RenderQuery): number {
    if (!options.enabled) return 0;
    if (isRelativeTime(query.from) || isRelativeTime(query.until)) return options.relativeTtlMs;
    const untilMs = resolveTime(query.until, 0) * 1000;
    return untilMs < now() - SETTLE_MS ? options.absoluteTtlMs : options.relativeTtlMs;
  }

  const unbounded = { maxInFlight: Number.POSITIVE_INFINITY, maxQueued: 0 };
  const gates: Record<RenderLane, Gate> = {
    status: createGate(options.gates?.status ?? unbounded),
    query: createGate(options.gates?.query ?? unbounded),
  };

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = new LRUCache<string, CachedRender, { query: RenderQuery; lane: RenderLane }>({
    max: options.maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.size),
    // A render too large to be worth keeping is answered and not kept: one long range must not
    // push every chart's entry out.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / MAX_ENTRY_SHARE)),
    // A render pushed out while still in flight (a large one landing) is still answered to those
    // waiting for it; without this they would get lru-cache's "evicted" as a Graphite failure.
    ignoreFetchAbort: true,
    perf: { now },
    // Read the clock on every check: a cached "now" would let a just-expired render be served.
    ttlResolution: 0,
    async fetchMethod(key, _stale, { context, options: fetchOptions }) {
      const ttl = ttlFor(context.query);
      try {
        const { series, bytes } = await gates[context.lane].run(() => {
          stats.upstream++;
          return options.client.renderWithJson(context.query);
        });
        // Each upstream answer's series count, to notice one that suddenly lost series (a node).
        getDropTracker().note(key, series.length);
        fetchOptions.ttl = ttl;
        return toCachedRender(series, bytes, ttl > 0);
      } catch (error) {
        // Rejecting drops the entry (failures are never cached) and reaches every caller in flight.
        throw new Error('render failed', { cause: asFailure(error) });
      }
    },
  });

  return {
    /**
     * The render, fetched once per cache period however many ask. Never rejects: a failure is
     * answered as data (see RenderFailure), which `renderSeries`/`renderBody` turn into the
     * caller's own GraphiteError.
     */
    async load(query: RenderQuery, lane: RenderLane = 'status'): Promise<RenderOutcome> {
      const key = renderCacheKey(query);
      const status: LRUCache.Status<string, CachedRender, { query: RenderQuery; lane: RenderLane }> = {};
      try {
        const render = await entries.fetch(key, { context: { query, lane }, status });
        if (render === undefined) return { ok: false, failure: { kind: 'upstream', message: 'the render was dropped before it finished' } };
        if (ttlFor(query) <= 0) entries.delete(key);
        return { ok: true, render };
      } catch (error) {
        const cause = error instanceof Error ? error.cause : undefined;
        return { ok: false, failure: isFailure(cause) ? cause : asFailure(error) };
      } finally {
        if (status.fetch === 'hit') stats.hits++;
        else if (status.fetch === 'inflight') stats.coalesced++;
      }
    },
    /**
     * A finished, fresh render, without waiting and without ever calling Graphite: undefined
     * when the render is not cached (or still in flight). For the server's fast path, which
     * answers only what is already here.
     */
    peek(query: RenderQuery): CachedRender | undefined {
      const found = entries.get(renderCacheKey(query));
      if (found !== undefined) stats.hits++;
      return found;
    },
    stats(): RenderCacheStats {
      return { ...stats, entries: entries.size, bytes: entries.calculatedSize };
    },
    gates(): Record<RenderLane, { inFlight: number; waiting: number }> {
      return { status: gates.status.stats(), query: gates.query.stats() };
    },
  };
}

export type RenderCache = ReturnType<typeof createRenderCache>;

// One cache for the whole process, although Next gives route handlers, pages and
// instrumentation.ts each their own instance of this module: only plain data (bytes, series,
// failures as data) crosses between them through it.
const SHARED = Symbol.for('hubwatch.renderCache');
const processWide = globalThis as typeof globalThis & { [SHARED]?: RenderCache };

/** The process-wide render cache, configured from `getConfig()`; created on first use. */
export function getRenderCache(): RenderCache {
  const config = getConfig().graphite;
  const gate = { maxInFlight: config.renders.concurrency, maxQueued: config.renders.queue, maxWaitMs: config.timeoutMs };
  processWide[SHARED] ??= createRenderCache({ client: getGraphiteClient(), ...config.cache, gates: { status: gate, query: gate } });
  return processWide[SHARED];
}

/** The render's result, or this module instance's own GraphiteError. */
async function unwrap(outcome: Promise<RenderOutcome>): Promise<CachedRender> {
  const answer = await outcome;
  if (answer.ok) return answer.render;
  const { kind, message, status, reason, limitBytes } = answer.failure;
  throw new GraphiteError(kind, message, { status, reason, limitBytes });
}

/** Series of a render through the given cache (tests) or the process-wide one, in the status lane unless told. */
export async function renderSeries(
  query: RenderQuery,
  cache: RenderCache = getRenderCache(),
  lane: RenderLane = 'status',
): Promise<Series[]> {
  return (await unwrap(cache.load(query, lane))).series;
}

/** What /api/graphite/render sends: the cached JSON as bytes (targets from users: the `query` lane). */
export async function renderBody(query: RenderQuery, cache: RenderCache = getRenderCache()): Promise<Uint8Array<ArrayBuffer>> {
  return (await unwrap(cache.load(query, 'query'))).body;
}

/** What route handlers and /api/status use instead of calling the client directly. */
export const cachedRender = (query: RenderQuery): Promise<Series[]> => renderSeries(query);
/** Series of a query someone wrote (an export): the `query` lane, so it never takes the status page's slots. */
export const cachedQuerySeries = (query: RenderQuery): Promise<Series[]> => renderSeries(query, getRenderCache(), 'query');
export const cachedRenderBody = (query: RenderQuery): Promise<Uint8Array<ArrayBuffer>> => renderBody(query);
