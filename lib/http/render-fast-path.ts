import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRenderCache, type RenderCache } from '@/lib/graphite/cached-render';
import { requestUrl } from './node-route';
import { renderParams } from './render-params';
import { queryObject } from './route';

/**
 * Answers `GET /api/graphite/render` cache hits with the cached bytes, written straight to the
 * socket. When a class opens the same page almost every render is a hit, and even calling the
 * route handler (a Request and a Response per hit) costs a third of the throughput
 * (bench/proxy.ts). Anything that is not a plain hit (bad input, a miss, a render in flight, the
 * cache switched off) returns false and is left to the route handler, which owns validation
 * errors, Graphite calls and failures; so this can only ever send what the handler cached.
 * Browsers get the entry's gzip, compressed once per entry (Next would compress every response).
 * Called by the server hooks (server-hooks.ts) that server.ts runs in front of Next.
 */

const RENDER_PATH = '/api/graphite/render';

/** A request for the render route, which `npm start` serves outside Next's router. */
export function isRenderRequest(request: IncomingMessage): boolean {
  return request.method === 'GET' && requestUrl(request).pathname === RENDER_PATH;
}

export function answerCachedRender(request: IncomingMessage, response: ServerResponse, cache: RenderCache = getRenderCache()): boolean {
  const url = requestUrl(request);
  if (request.method !== 'GET' || url.pathname !== RENDER_PATH) return false;
  const parsed = renderParams.safeParse(queryObject(url.searchParams));
  if (!parsed.success) return false;
  const { target, from, until, maxDataPoints } = parsed.data;
  const cached = cache.peek({ targets: target, from, until, maxDataPoints });
  if (cached === undefined) return false;

  const gzip = acceptsGzip(request.headers['accept-encoding']);
  const body = gzip ? cached.gzipped : cached.body;
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': body.byteLength,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    vary: 'accept-encoding',
    'cache-control': 'no-store',
    // Which path answered (server.ts sends `miss` when the handler did), for tests and traces.
    'x-hubwatch-cache': 'hit',
  });
  response.end(body);
  return true;
}

/** `Accept-Encoding` allows gzip: listed (or `*` when gzip itself is not) with a q above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    weights.set(coding, q === undefined ? 1 : Number(q.slice(2)));
  }
  return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0;
}
