import { z } from 'zod';
import { backendSchema } from './backend';
import { VERDICT_CAUSES, VERDICTS } from './status';

/** `GET /api/hubs`: every reporting hub, worst first; what `/hubs` shows. */

export const HUBS_URL = '/api/hubs';

export const hubRowSchema = z.object({
  hub: z.string(),
  verdict: z.enum(VERDICTS),
  cause: z.enum(VERDICT_CAUSES),
  reason: z.string(),
  /** Servers running now (null when the gauge is older than the no-data limit). */
  running: z.number().nullable(),
  /** Server starts in the last hour: failed, and all (succeeded + failed). */
  failedStarts: z.number().nonnegative(),
  starts: z.number().nonnegative(),
});

export const hubsOverviewSchema = z.object({ until: z.number().int(), hubs: z.array(hubRowSchema), backend: backendSchema });

export type HubRow = z.infer<typeof hubRowSchema>;
export type HubsOverview = z.infer<typeof hubsOverviewSchema>;
