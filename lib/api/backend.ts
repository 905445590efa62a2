import { z } from 'zod';

/**
 * `GET /api/backend`: whether the metrics backend answers with all of its data. `partial` when a
 * configured storage node is unreachable (or just back, and possibly still skipped by the front);
 * `suspected` ("may be partial") when no nodes are configured and a render suddenly has fewer
 * series than the same query's previous answer. Also the `backend` of /api/status, /api/hubs and
 * /api/health.
 */

export const BACKEND_URL = '/api/backend';

const epoch = z.number().int();

export const nodeReportSchema = z.object({
  url: z.string(),
  state: z.enum(['up', 'unreachable', 'recovering']),
  since: epoch.nullable(),
  checkedAt: epoch,
  latencyMs: z.number().nonnegative(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const backendSchema = z.object({
  partial: z.boolean(),
  suspected: z.boolean(),
  /** Storage nodes not answering (or not yet trusted again), of `total` configured. */
  unreachable: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Since when the answers are partial (the earliest node outage), epoch seconds. */
  since: epoch.nullable(),
  /** Seconds the front may keep skipping a node after it is back (REMOTE_RETRY_DELAY). */
  retryDelaySeconds: z.number().int().nonnegative(),
  nodes: z.array(nodeReportSchema),
  drop: z.object({ before: z.number().int(), after: z.number().int(), at: epoch }).nullable(),
});

export type BackendStatus = z.infer<typeof backendSchema>;
export type NodeReport = z.infer<typeof nodeReportSchema>;
export type SeriesDrop = NonNullable<BackendStatus['drop']>;
