import { z } from 'zod';
import { parseStoreTarget, type StoreTarget, StoreTargetError } from './records/store-target';

/**
 * Server configuration, read from the environment and validated once. A wrong value throws a
 * `ConfigError` naming the variable, so the problem shows up at the first request (or at start-up
 * when something calls `getConfig()` early) instead of as a confusing failure later.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// An empty variable (`GRAPHITE_URL=`) means "use the default", as in most shells' configs.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

export const graphiteUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value), 'not a URL')
  .transform((value) => new URL(value))
  .refine((url) => url.protocol === 'http:' || url.protocol === 'https:', 'must be http:// or https://')
  .refine((url) => url.username === '' && url.password === '', 'must not contain credentials')
  .refine((url) => url.search === '' && url.hash === '', 'must not contain a query or fragment')
  // A trailing slash lets `new URL('render', base)` keep a path prefix such as /graphite/.
  .transform((url) => (url.pathname.endsWith('/') ? url.href : `${url.href}/`));

export const intInRange = (min: number, max: number, fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

const envSchema = z.object({
  GRAPHITE_URL: z.preprocess(unsetIfEmpty, graphiteUrl.default('http://127.0.0.1:8080/')),
  GRAPHITE_TIMEOUT_MS: intInRange(100, 120_000, 10_000),
  HUBWATCH_HEALTH_TIMEOUT_MS: intInRange(100, 30_000, 2_000),
  HUBWATCH_CACHE: z.preprocess(
    unsetIfEmpty,
    z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('on'),
  ),
  HUBWATCH_CACHE_RELATIVE_MS: intInRange(0, 300_000, 10_000),
  HUBWATCH_CACHE_ABSOLUTE_MS: intInRange(0, 3_600_000, 300_000),
  HUBWATCH_CACHE_MAX_ENTRIES: intInRange(1, 100_000, 500),
  HUBWATCH_RENDER_CONCURRENCY: intInRange(1, 64, 2),
  HUBWATCH_RENDER_QUEUE: intInRange(0, 10_000, 50),
  // The records store (lib/records/store-target.ts); the data dir only places its default file.
  HUBWATCH_DATA_DIR: z.string().optional(),
  HUBWATCH_DATABASE_URL: z.string().optional(),
  HUBWATCH_EVENTS_MIRROR: z.preprocess(
    unsetIfEmpty,
    z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('on'),
  ),
});

export type Config = {
  /** Base URL of graphite-web, always ending with `/`. */
  graphiteUrl: string;
  /** Timeout for every call to graphite-web. */
  graphiteTimeoutMs: number;
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
  records: {
    /** SQLite file or PostgreSQL URL holding deployments, incidents and deliveries. */
    target: StoreTarget;
    /** Copy new deployments to graphite-web's events API (for Grafana's annotations) when it has one. */
    eventsMirror: boolean;
  };
};

export function parseEnv<S extends z.ZodType>(schema: S, env: Readonly<Record<string, string | undefined>>): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Validates an environment; pure, for tests. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const value = parseEnv(envSchema, env);
  return {
    graphiteUrl: value.GRAPHITE_URL,
    graphiteTimeoutMs: value.GRAPHITE_TIMEOUT_MS,
    healthTimeoutMs: value.HUBWATCH_HEALTH_TIMEOUT_MS,
    cache: {
      enabled: value.HUBWATCH_CACHE === 'on',
      relativeTtlMs: value.HUBWATCH_CACHE_RELATIVE_MS,
      absoluteTtlMs: value.HUBWATCH_CACHE_ABSOLUTE_MS,
      maxEntries: value.HUBWATCH_CACHE_MAX_ENTRIES,
    },
    renders: { concurrency: value.HUBWATCH_RENDER_CONCURRENCY, queue: value.HUBWATCH_RENDER_QUEUE },
    records: { target: storeTarget(value.HUBWATCH_DATABASE_URL, value.HUBWATCH_DATA_DIR), eventsMirror: value.HUBWATCH_EVENTS_MIRROR === 'on' },
  };
}

function storeTarget(url: string | undefined, dataDir: string | undefined): StoreTarget {
  try {
    return parseStoreTarget(url, dataDir);
  } catch (error) {
    if (!(error instanceof StoreTargetError)) throw error;
    throw new ConfigError(`invalid configuration: HUBWATCH_DATABASE_URL: ${error.message}`);
  }
}

let current: Config | undefined;

/** The process configuration, validated on first use and then reused. */
export function getConfig(): Config {
  current ??= loadConfig(process.env);
  return current;
}

const listenSchema = z.object({
  PORT: intInRange(1, 65_535, 3000),
  // An address, not a URL: 127.0.0.1 by default so a demo never listens on the network by accident.
  HUBWATCH_HOST: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or an IP address')
      .default('127.0.0.1'),
  ),
});

export type ListenConfig = { port: number; host: string };

/** Where `npm start` (server.ts) listens; validated like the rest, pure for tests. */
export function loadListenConfig(env: Readonly<Record<string, string | undefined>>): ListenConfig {
  const value = parseEnv(listenSchema, env);
  return { port: value.PORT, host: value.HUBWATCH_HOST };
}
