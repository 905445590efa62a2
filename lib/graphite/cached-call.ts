import { LRUCache } from 'lru-cache';
import { GraphiteError, type GraphiteErrorKind } from './errors';

/**
 * The render cache's rules (lib/graphite/cached-render.ts) for the smaller Graphite calls (find,
 * the function list): identical calls in flight share one upstream request, a finished answer is
 * kept `ttlMs` (0 or `enabled: false`: not kept, still coalesced), failures are never kept.
 * Answers must be plain data: Next gives route handlers and pages their own instance of this
 * module, and one process-wide cache serves them all, so a failure crosses it as data and each
 * caller rethrows it as its own GraphiteError.
 */

type Failure = { kind: GraphiteErrorKind; message: string; status?: number; reason?: string };

export type CachedCallOptions<V> = {
  load: (key: string) => Promise<V>;
  enabled: boolean;
  ttlMs: number;
  maxEntries: number;
  /** What an answer holds in memory (bytes), counted against `maxBytes`; unbounded without both. */
  sizeOf?: (value: V) => number;
  maxBytes?: number;
  now?: () => number;
};

export type CachedCallStats = { upstream: number; hits: number; coalesced: number; entries: number; bytes: number };

function asFailure(error: unknown): Failure {
  if (error instanceof GraphiteError) return { kind: error.kind, message: error.message, status: error.status, reason: error.reason };
  return { kind: 'upstream', message: 'the Graphite call failed unexpectedly' };
}

function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

export type CachedCall<V> = {
  /** The answer for `key`; rejects with this module instance's GraphiteError. */
  get(key: string): Promise<V>;
  stats(): CachedCallStats;
};

export function createCachedCall<V extends object>(options: CachedCallOptions<V>): CachedCall<V> {
  const now = options.now ?? Date.now;
  const ttl = options.enabled ? options.ttlMs : 0;
  const counts = { upstream: 0, hits: 0, coalesced: 0 };
  const { sizeOf, maxBytes } = options;
  const bounded =
    sizeOf !== undefined && maxBytes !== undefined ? { maxSize: maxBytes, sizeCalculation: (value: V) => Math.max(1, sizeOf(value)) } : {};
  const entries = new LRUCache<string, V>({
    max: options.maxEntries,
    ...bounded,
    // An answer pushed out while in flight still reaches those waiting for it (cached-render.ts).
    ignoreFetchAbort: true,
    perf: { now },
    ttlResolution: 0,
    async fetchMethod(key, _stale, { options: fetchOptions }) {
      counts.upstream++;
      try {
        const value = await options.load(key);
        fetchOptions.ttl = ttl;
        return value;
      } catch (error) {
        throw new Error('Graphite call failed', { cause: asFailure(error) });
      }
    },
  });

  return {
    async get(key) {
      const status: LRUCache.Status<string, V, unknown> = {};
      let failure: Failure;
      try {
        const value = await entries.fetch(key, { status });
        if (value !== undefined) {
          if (ttl <= 0) entries.delete(key);
          return value;
        }
        failure = { kind: 'upstream', message: 'the Graphite call was dropped before it finished' };
      } catch (error) {
        const cause = error instanceof Error ? error.cause : undefined;
        failure = isFailure(cause) ? cause : asFailure(error);
      } finally {
        if (status.fetch === 'hit') counts.hits++;
        else if (status.fetch === 'inflight') counts.coalesced++;
      }
      throw new GraphiteError(failure.kind, failure.message, { status: failure.status, reason: failure.reason });
    },
    stats() {
      return { ...counts, entries: entries.size, bytes: entries.calculatedSize };
    },
  };
}

/** One instance per process under `name`, whichever module instance asks first creates it. */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`hubwatch.${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  const found = holder[key];
  if (found !== undefined) return found;
  const made = create();
  holder[key] = made;
  return made;
}
