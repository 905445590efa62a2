import { cachedRenderBody } from '@/lib/graphite/cached-render';
import { renderParams } from './render-params';
import { handle, rawJsonResponse } from './route';
import { checkFunctionNames } from './target-functions';

/**
 * GET /api/graphite/render?target=A&target=B&from=-6h&until=now&maxDataPoints=800
 * -> graphite-web's render JSON: [{"target", "tags", "datapoints": [[value|null, epoch], ...]}]
 * The route file re-exports this; under `npm start` the server hooks (server-hooks.ts) call it
 * directly for cache misses, outside Next's router.
 */
export const renderRoute = handle(
  renderParams,
  async ({ target, from, until, maxDataPoints }) => {
    await checkFunctionNames(target);
    return rawJsonResponse(await cachedRenderBody({ targets: target, from, until, maxDataPoints }));
  },
  { graphiteField: 'target' },
);
