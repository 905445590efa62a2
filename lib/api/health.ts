import { z } from 'zod';
import { backendSchema } from './backend';

/**
 * `GET /api/health`: always 200 while the dashboard runs. A Graphite outage, or a storage node of
 * a cluster that is unreachable, is reported in the body (`status: "degraded"`), not as the
 * dashboard being down.
 */

export const HEALTH_URL = '/api/health';

export const graphiteHealthSchema = z.discriminatedUnion('reachable', [
  z.object({ reachable: z.literal(true), latencyMs: z.number() }),
  z.object({ reachable: z.literal(false), latencyMs: z.number(), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Which of the four Graphite APIs hubwatch may use the backend answers (events only feed the mirror). */
export const backendOffersSchema = z.object({
  render: z.enum(['yes', 'no', 'unknown']),
  find: z.enum(['yes', 'no', 'unknown']),
  functions: z.enum(['yes', 'no', 'unknown']),
  events: z.enum(['yes', 'no', 'unknown']),
  checkedAt: z.number(),
});

/** hubwatch's own records (deployments, incidents, deliveries): the store and whether it answers. */
export const recordsHealthSchema = z.object({
  store: z.enum(['sqlite', 'postgres']),
  /** The SQLite file, or the PostgreSQL URL without its password. */
  location: z.string(),
  schemaVersion: z.number(),
  reachable: z.boolean(),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  dashboard: z.object({ up: z.literal(true), uptimeSeconds: z.number() }),
  graphite: graphiteHealthSchema,
  /** Each configured storage node's state, and whether answers are (or may be) partial. */
  backend: backendSchema,
  offers: backendOffersSchema,
  records: recordsHealthSchema,
  /** The render cache's counters (renders sent upstream, hits, entries, bytes held, ...). */
  renders: z.record(z.string(), z.number()),
});

export type GraphiteHealth = z.infer<typeof graphiteHealthSchema>;
export type Health = z.infer<typeof healthSchema>;
export type BackendOffersHealth = z.infer<typeof backendOffersSchema>;
export type RecordsHealthAnswer = z.infer<typeof recordsHealthSchema>;
