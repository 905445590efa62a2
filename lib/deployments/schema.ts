import { z } from 'zod';
import { DEPLOYMENT_KINDS, DEPLOYMENT_SOURCES, type Deployment } from './types';

/**
 * A deployment as the API answers it, for whoever reads those answers: the dashboard's pages,
 * the impact schema, the deploy CLI and the collector (which may import this file: zod only).
 */
export const deploymentSchema: z.ZodType<Deployment> = z.object({
  id: z.number().int(),
  when: z.number().int(),
  hub: z.string(),
  what: z.string(),
  version: z.string().nullable(),
  commit: z.string().nullable(),
  author: z.string().nullable(),
  link: z.string().nullable(),
  source: z.enum(DEPLOYMENT_SOURCES),
  kind: z.enum(DEPLOYMENT_KINDS),
});
