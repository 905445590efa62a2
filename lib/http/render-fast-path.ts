import type { IncomingMessage, ServerResponse } from 'node:http';
import { findRenderCache, type RenderCache } from '@/lib/graphite/cached-render';
import { renderParams } from './render-params';
import { queryObject } from './route';

/**
 * Answers `GET /api/graphite/render` from the render cache before Next.js sees the request.
 * When a class opens the same page, almost every render is a cache hit, and going through Next's
 * router costs about three times what sending the cached bytes does (bench/proxy.ts). Anything
 * that is not a plain hit (bad input, a miss, a render in flight, the cache switched off) returns
 * false and goes to the route handler, which owns validation errors, Graphite calls and failures;
 * so this path can only ever send what the route handler itself cached.
 */
export const RENDER_PATH = '/api/graphite/render';

export function answerCachedRender(
  request: IncomingMessage,
  response: ServerResponse,
  cache: RenderCache | undefined = findRenderCache(),
): boolean {
  if (cache === undefined || request.method !== 'GET' || request.url === undefined) return false;
  const queryAt = request.url.indexOf('?');
  if ((queryAt === -1 ? request.url : request.url.slice(0, queryAt)) !== RENDER_PATH) return false;

  const parsed = renderParams.safeParse(queryObject(new URLSearchParams(queryAt === -1 ? '' : request.url.slice(queryAt + 1))));
  if (!parsed.success) return false;
  const { target, from, until, maxDataPoints } = parsed.data;
  const body = cache.peekBody({ targets: target, from, until, maxDataPoints });
  if (body === undefined) return false;

  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': body.byteLength,
    'cache-control': 'no-store',
    // Which path answered, for tests and for anyone reading a trace.
    'x-hubwatch-cache': 'hit',
  });
  response.end(body);
  return true;
}
