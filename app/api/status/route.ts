import { handle } from '@/lib/http/route';
import { statusQuerySchema } from '@/lib/http/status-params';
import { getStatus, resolveHub } from '@/lib/status/get-status';
import { isRelativeTime, resolveTime } from '@/lib/time-range';

export const dynamic = 'force-dynamic';

/** GET /api/status?hub=&from=&until= — the numbers behind `/` and `/errors` (schema: lib/status/schema.ts). */
export const GET = handle(statusQuerySchema, async (query) => {
  const now = Math.floor(Date.now() / 1000);
  return getStatus({
    hub: await resolveHub(query.hub),
    from: resolveTime(query.from, now),
    until: resolveTime(query.until, now),
    live: isRelativeTime(query.until),
    now,
  });
});
