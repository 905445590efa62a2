import { gzipSync } from 'node:zlib';
import { getConfig } from '@/lib/config';
import { isRelativeTime, normaliseTime, resolveTime } from '@/lib/time-range';
import { type GraphiteClient, getGraphiteClient } from './client';
import type { RenderQuery, Series } from './types';

/**
 * Coalescing + a short cache in front of `client.render`, so that when 500 people open the same
 * page Graphite sees one request per distinct query per cache period, not 500.
 * - identical renders in flight share one upstream request (always, even with the cache off);
 * - a finished render is kept `relativeTtlMs` (~ one StatsD flush) when its range moves with the
 *   clock or ends near now, `absoluteTtlMs` when it is a fixed range that ended in the past;
 * - failures are never cached; entries and cached bytes are bounded.
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
};

export type RenderCacheStats = {
  /** Renders sent to graphite-web. */
  upstream: number;
  /** Answered from a finished cache entry. */
  hits: number;
  /** Joined a render already in flight. */
  coalesced: number;
  entries: number;
};

/** A cached render as bytes, for the server's fast path (lib/http/render-fast-path.ts). */
export type CachedBody = { body: () => Uint8Array<ArrayBuffer>; gzipped: () => Uint8Array };
type Result = { series: Series[]; json: string } & CachedBody;
type Entry = { promise: Promise<Result>; expiresAt: number; bytes: number; value?: Result };

// Carbon and StatsD may still write into the last minute; only older ranges are final.
const SETTLE_MS = 60_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Canonical key: the same render written differently (`now-5m` vs `-5min`) shares an entry. */
export function renderCacheKey(query: RenderQuery): string {
  return JSON.stringify([
    query.targets,
    normaliseTime(query.from),
    normaliseTime(query.until),
    query.maxDataPoints ?? null,
  ]);
}

// Encoded (and compressed, when a browser asks) once per entry, not once per response: handing
// the same bytes to every client is several times cheaper (bench/proxy.ts), and render JSON
// shrinks about tenfold with gzip, which phones on a lecture hall's Wi-Fi notice.
function withBody(result: { series: Series[]; json: string }): Result {
  let body: Uint8Array<ArrayBuffer> | undefined;
  let gzipped: Uint8Array | undefined;
  const encoded = () => {
    body ??= new TextEncoder().encode(result.json);
    return body;
  };
  return {
    ...result,
    body: encoded,
    gzipped: () => {
      gzipped ??= gzipSync(encoded());
      return gzipped;
    },
  };
}

export function createRenderCache(options: RenderCacheOptions) {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = new Map<string, Entry>();
  const stats = { upstream: 0, hits: 0, coalesced: 0 };
  let bytes = 0;

  function ttlFor(query: RenderQuery): number {
    if (isRelativeTime(query.from) || isRelativeTime(query.until)) return options.relativeTtlMs;
    const untilMs = resolveTime(query.until, 0) * 1000;
    return untilMs < now() - SETTLE_MS ? options.absoluteTtlMs : options.relativeTtlMs;
  }

  function remove(key: string, entry: Entry): void {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function evict(): void {
    // Map iterates in insertion order, and hits re-insert: the first entries are the least recent.
    for (const [key, entry] of entries) {
      if (entries.size <= options.maxEntries && bytes <= maxBytes) return;
      remove(key, entry);
    }
  }

  /** A finished, fresh entry, counted as a hit and moved to the most recent end; else undefined. */
  function hit(key: string): Entry | undefined {
    const found = entries.get(key);
    if (found === undefined || found.expiresAt === Number.POSITIVE_INFINITY) return undefined;
    if (found.expiresAt <= now()) {
      remove(key, found);
      return undefined;
    }
    stats.hits++;
    entries.delete(key);
    entries.set(key, found);
    return found;
  }

  function load(query: RenderQuery): Promise<Result> {
    const key = renderCacheKey(query);
    const fresh = hit(key);
    if (fresh !== undefined) return fresh.promise;
    const pending = entries.get(key);
    if (pending !== undefined) {
      stats.coalesced++;
      return pending.promise;
    }

    stats.upstream++;
    const ttl = options.enabled ? ttlFor(query) : 0;
    const promise = options.client.renderWithJson(query).then(withBody);
    const entry: Entry = { promise, expiresAt: Number.POSITIVE_INFINITY, bytes: 0 };
    entries.set(key, entry);
    promise.then(
      (result) => {
        if (ttl <= 0) return remove(key, entry);
        entry.value = result;
        entry.expiresAt = now() + ttl;
        entry.bytes = result.json.length;
        bytes += entry.bytes;
        evict();
      },
      () => remove(key, entry),
    );
    evict();
    return promise;
  }

  return {
    async render(query: RenderQuery): Promise<Series[]> {
      return (await load(query)).series;
    },
    /** graphite-web's render JSON text (Infinity kept as 1e9999). */
    async renderJson(query: RenderQuery): Promise<string> {
      return (await load(query)).json;
    },
    /** The same JSON as UTF-8 bytes, encoded once per cache entry. */
    async renderBody(query: RenderQuery): Promise<Uint8Array<ArrayBuffer>> {
      return (await load(query)).body();
    },
    /**
     * A finished, fresh render's bytes, without waiting and without ever calling Graphite:
     * undefined when the render is not cached (or still in flight). For the server's fast path
     * (lib/http/render-fast-path.ts), which answers only what is already here.
     */
    peek(query: RenderQuery): CachedBody | undefined {
      return hit(renderCacheKey(query))?.value;
    },
    stats(): RenderCacheStats {
      return { ...stats, entries: entries.size };
    },
  };
}

export type RenderCache = ReturnType<typeof createRenderCache>;

// Kept on globalThis, not in a module variable: server.ts loads this module itself while Next
// bundles its own copy, and both copies must use the one cache of the process, so that a render
// is fetched once and /api/health counts them all (errors cross copies: lib/cross-copy-brand.ts).
const SHARED = Symbol.for('hubwatch.renderCache');
const processWide = globalThis as typeof globalThis & { [SHARED]?: RenderCache };

/** The process-wide render cache, configured from `getConfig()`; created on first use. */
export function getRenderCache(): RenderCache {
  processWide[SHARED] ??= createRenderCache({ client: getGraphiteClient(), ...getConfig().cache });
  return processWide[SHARED];
}

/** What route handlers and /api/status use instead of calling the client directly. */
export function cachedRender(query: RenderQuery): Promise<Series[]> {
  return getRenderCache().render(query);
}

export function cachedRenderJson(query: RenderQuery): Promise<string> {
  return getRenderCache().renderJson(query);
}

/** What /api/graphite/render sends: the cached JSON as bytes. */
export function cachedRenderBody(query: RenderQuery): Promise<Uint8Array<ArrayBuffer>> {
  return getRenderCache().renderBody(query);
}
