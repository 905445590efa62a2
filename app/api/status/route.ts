import { handle } from '@/lib/http/route';
import { statusQuerySchema } from '@/lib/http/status-params';
import { cachedStatus } from '@/lib/status/cached-status';

export const dynamic = 'force-dynamic';

/** GET /api/status?hub=&from=&until= — the numbers behind `/` and `/errors` (schema: lib/status/schema.ts). */
export const GET = handle(statusQuerySchema, (query) => cachedStatus(query));
