import { z } from 'zod';

/**
 * The `status` section of hubwatch.config.json: verdict thresholds for the status page and
 * /api/status. Every field is optional; the defaults below are the documented behaviour.
 * Unknown fields are refused so a typo ("spawnFailureRate") does not silently keep a default.
 */
export const thresholdsSchema = z
  .object({
    /** Window the verdict looks at, ending at the end of the selected range. */
    windowMinutes: z.number().int().min(1).max(1440).default(15),
    /** Down when the health probe has reported nothing for longer than this. */
    noDataDownMinutes: z.number().int().min(1).max(1440).default(5),
    /** Degraded when more than this share of server starts in the window failed. */
    spawnFailureRatio: z.number().min(0).max(1).default(0.05),
    /** ...and at least this many starts failed (one failed start out of one is 100 %). */
    minFailedSpawns: z.number().int().min(1).default(1),
    /** Degraded when the hub's last health probe took longer than this (ms). */
    slowHealthMs: z.number().positive().max(600_000).default(2000),
    /** How far back the recent-incidents list looks. */
    incidentLookbackDays: z.number().int().min(1).max(90).default(7),
  })
  .strict();

export type Thresholds = z.infer<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = thresholdsSchema.parse({});
