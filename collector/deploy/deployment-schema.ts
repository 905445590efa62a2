import { z } from 'zod';

/** What the dashboard answers to POST /api/deployments, checked before it is printed or trusted. */
export { deploymentSchema } from '../../lib/deployments/schema';

/** The dashboard's one error shape. */
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
