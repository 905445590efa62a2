import { z } from 'zod';
import { HUB_NAME_PATTERN } from '@/lib/catalog';
import { checkTimeRange, timeParam } from './params';

/** Query of GET /api/status: `hub` (optional: the only reporting hub), `from` (default -1h), `until` (default now). */
export const statusQuerySchema = z
  .object({
    hub: z
      .string({ error: (issue) => (Array.isArray(issue.input) ? 'given more than once' : 'must be a string') })
      .max(64, 'must be 1-64 letters, digits, _ or -')
      .regex(HUB_NAME_PATTERN, 'must be 1-64 letters, digits, _ or -')
      .optional(),
    from: timeParam('-1h'),
    until: timeParam('now'),
  })
  .superRefine((value, ctx) => checkTimeRange(value, ctx));

export type StatusQueryInput = z.output<typeof statusQuerySchema>;
