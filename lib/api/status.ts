import { z } from 'zod';
import { SPAWN_FAILURE_REASONS } from '@/lib/catalog';
import { backendSchema } from './backend';
import { MEASURE_VERDICTS } from './impact';

/**
 * `GET /api/status?hub=&from=&until=`: the numbers behind `/` and `/errors` (documented field by
 * field in docs/views-status.md). Times are epoch seconds; counts are exact sums of StatsD flush
 * counts over [from, until). The verdict's and the error categories' vocabularies are defined
 * here, with the answer that carries them; lib/status and lib/errors-explained.ts fill them in.
 */

export const STATUS_PATH = '/api/status';

export const VERDICTS = ['Operational', 'Degraded', 'Down'] as const;
export type VerdictName = (typeof VERDICTS)[number];

/** Why the verdict is what it is; lets the UI and incidents group without parsing sentences. */
export const VERDICT_CAUSES = ['ok', 'no_health_data', 'health_failing', 'spawn_failures', 'slow_hub', 'partial_data'] as const;
export type VerdictCause = (typeof VERDICT_CAUSES)[number];

/** What students run into, one category per row of /errors (lib/errors-explained.ts says how each is counted). */
export const ERROR_CATEGORIES = [
  'spawn_error',
  'process_exited',
  'start_timeout',
  'never_responded',
  'throttled',
  'active_user_limit',
  'server_crashed',
  'server_not_running',
  'proxy_503',
  'hub_5xx',
  'failed_login',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

const count = z.number().nonnegative();
/** One field per key of an `as const` tuple, all with the same schema (reasons, categories). */
function objectWithKeys<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);
}
const epoch = z.number().int();

const errorCategoryStats = z.object({
  count,
  previous: count,
  /** Share of all errors in the range, 0..1; null when there were none. */
  share: z.number().min(0).max(1).nullable(),
  /** Change vs the previous range of the same length, in percent; null when that range had none. */
  changePercent: z.number().nullable(),
});

export const incidentSchema = z.object({
  start: epoch,
  end: epoch.nullable(),
  verdict: z.enum(['Degraded', 'Down']),
  cause: z.enum(VERDICT_CAUSES),
  reason: z.string(),
  /** A deployment in the 30 minutes before the incident began (named, not blamed), or null. */
  afterDeployment: z.object({ id: z.number().int(), what: z.string(), minutesBefore: count }).nullable(),
});

/** The hub's newest deployment up to the end of the range, with the impact page's verdict. */
export const lastDeploymentSchema = z.object({
  id: z.number().int(),
  when: epoch,
  what: z.string(),
  version: z.string().nullable(),
  /** null while it cannot be judged (Graphite failed); otherwise the impact verdict. */
  verdict: z.enum(MEASURE_VERDICTS).nullable(),
});

export const uptimeDaySchema = z.object({
  day: z.string(),
  upRatio: z.number().min(0).max(1).nullable(),
  samples: count,
  downMinutes: count,
  /** No health data that day, but counts imported from the hub's past logs. */
  imported: z.boolean(),
});

export const statusResponseSchema = z.object({
  range: z.object({ from: epoch, until: epoch, previousFrom: epoch }),
  verdict: z.enum(VERDICTS),
  cause: z.enum(VERDICT_CAUSES),
  reason: z.string(),
  verdictWindow: z.object({ from: epoch, until: epoch }),
  spawns: z.object({
    success: count,
    failed: count,
    failureByReason: objectWithKeys(SPAWN_FAILURE_REASONS, count),
    throttled: count,
    limited: count,
    waitSeconds: z.object({
      p50: z.number().nullable(),
      p95: z.number().nullable(),
      /** Starts the quantiles are computed from (histogram total). */
      samples: count,
    }),
  }),
  logins: z.object({ success: count, failure: count }),
  requests: z.object({
    byStatus: z.record(z.string(), count),
    total: count,
    /** 5xx answers paired with a start failure counted in spawns.failed (requests.spawn_5xx); also in byStatus. */
    spawnFailures5xx: count,
  }),
  proxy: z.object({ errorsByStatus: z.record(z.string(), count) }),
  servers: z.object({ running: z.number().nullable(), crashed: count, stopped: count }),
  users: z.object({ total: z.number().nullable() }),
  hub: z.object({ name: z.string(), up: z.number().nullable(), upAt: epoch.nullable(), healthMs: z.number().nullable() }),
  errors: z.object({
    total: count,
    previousTotal: count,
    byCategory: objectWithKeys(ERROR_CATEGORIES, errorCategoryStats),
  }),
  incidents: z.array(incidentSchema),
  lastDeployment: lastDeploymentSchema.nullable(),
  uptime: z.object({ days: z.array(uptimeDaySchema), overall: z.number().min(0).max(1).nullable() }),
  /** Whether the metrics backend answered with all its data (lib/api/backend.ts). */
  backend: backendSchema,
});

export type StatusResponse = z.infer<typeof statusResponseSchema>;
export type ErrorCategoryStats = z.infer<typeof errorCategoryStats>;

export interface StatusQuery {
  /** null: the only reporting hub (else `default`, else the first). */
  hub: string | null;
  from: string;
  until: string;
}

export function statusUrl(query: StatusQuery): string {
  const params = new URLSearchParams();
  if (query.hub) params.set('hub', query.hub);
  params.set('from', query.from);
  params.set('until', query.until);
  return `${STATUS_PATH}?${params.toString()}`;
}
