import { cachedRenderBody } from '@/lib/graphite/cached-render';
import { maxDataPointsParam, targetList, withTimeRange } from '@/lib/http/params';
import { handle, rawJsonResponse } from '@/lib/http/route';

// GET /api/graphite/render?target=A&target=B&from=-6h&until=now&maxDataPoints=800
// -> graphite-web's render JSON: [{"target", "tags", "datapoints": [[value|null, epoch], ...]}]
export const dynamic = 'force-dynamic';

const schema = withTimeRange({ target: targetList, maxDataPoints: maxDataPointsParam });

export const GET = handle(
  schema,
  async ({ target, from, until, maxDataPoints }) =>
    rawJsonResponse(await cachedRenderBody({ targets: target, from, until, maxDataPoints })),
  { graphiteField: 'target' },
);
