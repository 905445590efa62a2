import { route } from '@/lib/http/route';
import { statusQuerySchema } from '@/lib/http/status-params';
import { cachedStatus } from '@/lib/status/cached-status';

export const dynamic = 'force-dynamic';

/** GET /api/status?hub=&from=&until= — the numbers behind `/` and `/errors` (answer: lib/api/status.ts). */
export const GET = route({ query: statusQuerySchema }, ({ query }) => cachedStatus(query));
