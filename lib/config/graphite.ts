import { z } from 'zod';
import { httpBaseUrl, intInRange, onOff, parseEnv, unsetIfEmpty } from './env';
import type { Env } from './errors';

/** The Graphite section: where graphite-web is, how long to wait for it, the render cache and gate. */

const schema = z.object({
  GRAPHITE_URL: z.preprocess(unsetIfEmpty, httpBaseUrl.default('http://127.0.0.1:8080/')),
  GRAPHITE_TIMEOUT_MS: intInRange(100, 120_000, 10_000),
  HUBWATCH_HEALTH_TIMEOUT_MS: intInRange(100, 30_000, 2_000),
  HUBWATCH_CACHE: onOff('on'),
  HUBWATCH_CACHE_RELATIVE_MS: intInRange(0, 300_000, 10_000),
  HUBWATCH_CACHE_ABSOLUTE_MS: intInRange(0, 3_600_000, 300_000),
  HUBWATCH_CACHE_MAX_ENTRIES: intInRange(1, 100_000, 500),
  HUBWATCH_RENDER_CONCURRENCY: intInRange(1, 64, 2),
  HUBWATCH_RENDER_QUEUE: intInRange(0, 10_000, 50),
});

export type GraphiteConfig = {
  /** Base URL of graphite-web, always ending with `/`. */
  url: string;
  /** Timeout for every call to graphite-web. */
  timeoutMs: number;
  /** Shorter timeout for the health probe, so /api/health answers quickly when Graphite hangs. */
  healthTimeoutMs: number;
  cache: {
    enabled: boolean;
    /** TTL of renders whose range moves with the clock (about one StatsD flush). */
    relativeTtlMs: number;
    /** TTL of renders of a fixed range that ended in the past. */
    absoluteTtlMs: number;
    maxEntries: number;
  };
  /**
   * Renders in flight to graphite-web per lane (lib/graphite/render-gate.ts): user-shaped queries
   * and the status numbers each get `concurrency`, so with graphite-web's 3 workers a run of
   * expensive queries always leaves the status page a worker; `queue` more may wait.
   */
  renders: { concurrency: number; queue: number };
};

export function loadGraphiteConfig(env: Env): GraphiteConfig {
  const value = parseEnv(schema, env);
  return {
    url: value.GRAPHITE_URL,
    timeoutMs: value.GRAPHITE_TIMEOUT_MS,
    healthTimeoutMs: value.HUBWATCH_HEALTH_TIMEOUT_MS,
    cache: {
      enabled: value.HUBWATCH_CACHE === 'on',
      relativeTtlMs: value.HUBWATCH_CACHE_RELATIVE_MS,
      absoluteTtlMs: value.HUBWATCH_CACHE_ABSOLUTE_MS,
      maxEntries: value.HUBWATCH_CACHE_MAX_ENTRIES,
    },
    renders: { concurrency: value.HUBWATCH_RENDER_CONCURRENCY, queue: value.HUBWATCH_RENDER_QUEUE },
  };
}
