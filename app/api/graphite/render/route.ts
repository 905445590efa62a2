import { cachedRenderBody } from '@/lib/graphite/cached-render';
import { renderParams } from '@/lib/http/render-params';
import { handle, rawJsonResponse } from '@/lib/http/route';

// GET /api/graphite/render?target=A&target=B&from=-6h&until=now&maxDataPoints=800
// -> graphite-web's render JSON: [{"target", "tags", "datapoints": [[value|null, epoch], ...]}]
// Under `npm start`, server.ts calls this handler directly, outside Next's router, and answers
// cache hits itself with the bytes this handler cached.
export const dynamic = 'force-dynamic';

export const GET = handle(
  renderParams,
  async ({ target, from, until, maxDataPoints }) =>
    rawJsonResponse(await cachedRenderBody({ targets: target, from, until, maxDataPoints })),
  { graphiteField: 'target' },
);
