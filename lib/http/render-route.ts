import type { z } from 'zod';
import { cachedRenderBody } from '@/lib/graphite/cached-render';
import { formParams } from './form-body';
import { renderParams } from './render-params';
import { narrowingTooLarge } from './render-too-large';
import { rawJsonResponse, route } from './route';
import { checkFunctionNames } from './target-functions';

/**
 * GET /api/graphite/render?target=A&target=B&from=-6h&until=now&maxDataPoints=800
 * -> graphite-web's render JSON: [{"target", "tags", "datapoints": [[value|null, epoch], ...]}]
 * The route file re-exports this; under `npm start` the server hooks (server-hooks.ts) call it
 * directly for cache misses, outside Next's router.
 */
async function render({ target, from, until, maxDataPoints }: z.output<typeof renderParams>): Promise<Response> {
  await checkFunctionNames(target);
  return rawJsonResponse(await narrowingTooLarge(() => cachedRenderBody({ targets: target, from, until, maxDataPoints })));
}

export const renderRoute = route({ query: renderParams }, ({ query }) => render(query), { graphiteField: 'target' });

/**
 * POST /api/graphite/render with a form body (target=A&target=B&from=...): the same parameters,
 * validation and cache as GET, for targets too long for a URL. Through Next's router (the
 * server hooks' fast path is for GET cache hits).
 */
export const renderPostRoute = route({ query: renderParams, queryFrom: formParams }, ({ query }) => render(query), {
  graphiteField: 'target',
});
