import { z } from 'zod';
import { DEPLOYMENT_KINDS, DEPLOYMENT_SOURCES, type Deployment } from '../../lib/deployments/types';

/** What the dashboard answers to POST /api/deployments, checked before it is printed or trusted. */
export const deploymentSchema: z.ZodType<Deployment> = z.object({
  id: z.number().int(),
  when: z.number(),
  hub: z.string(),
  what: z.string(),
  version: z.string().nullable(),
  commit: z.string().nullable(),
  author: z.string().nullable(),
  link: z.string().nullable(),
  source: z.enum(DEPLOYMENT_SOURCES),
  kind: z.enum(DEPLOYMENT_KINDS),
});

/** The dashboard's one error shape. */
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
