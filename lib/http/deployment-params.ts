import { z } from 'zod';
import { DEPLOYMENT_LIMITS, deploymentInputSchema } from '@/lib/deployments/input';
import { checkTimeRange, timeParam } from '@/lib/http/params';
import { DEFAULT_WINDOW, ImpactWindowError, parseImpactWindow } from '@/lib/impact/windows';

/** The query and path pieces of /api/deployments, shared by its route handlers. */

const ID_MAX = 2_147_483_647;

/** `<id>` in /api/deployments/<id>: graphite-web's event id, a positive whole number. */
export const deploymentIdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'must be a positive whole number (a deployment id)')
    .transform(Number)
    .refine((id) => id <= ID_MAX, `must be at most ${ID_MAX}`),
});

const single = (issue: { input?: unknown }) => (Array.isArray(issue.input) ? 'given more than once' : 'must be a string');

/** GET /api/deployments?hub=&from=&until= (default: the last 30 days, every hub). */
export const listQuerySchema = z
  .object({
    // `hub=` (empty) is every hub, as when it is left out.
    hub: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string({ error: single })
        .max(DEPLOYMENT_LIMITS.hubLength, `longer than the limit of ${DEPLOYMENT_LIMITS.hubLength} characters`)
        .regex(/^[A-Za-z0-9_-]+$/, 'must be a hub name: letters, digits, _ and - only')
        .optional(),
    ),
    from: timeParam('-30d'),
    until: timeParam('now'),
  })
  .superRefine((value, ctx) => checkTimeRange(value, ctx));

export const createBodySchema = deploymentInputSchema();

/** GET /api/deployments/<id>/impact?window=2h: the window (10 min .. 7 days), in seconds. */
export const impactQuerySchema = z.object({
  window: z
    .string({ error: single })
    .default(DEFAULT_WINDOW)
    .transform((text, ctx) => {
      try {
        return parseImpactWindow(text);
      } catch (error) {
        if (!(error instanceof ImpactWindowError)) throw error;
        // parseImpactWindow's messages start with "window: "; the wrapper adds the field itself.
        ctx.addIssue({ code: 'custom', message: error.message.replace(/^window: /, '') });
        return z.NEVER;
      }
    }),
});
